package dev.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input to the routing and governance admin API is a 400 naming the JSON path at fault. */
class GovernanceBadInputTest {
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "negative daily budget   | POST | /admin/api-keys | {\"name\":\"a\",\"budget_day_usd\":-5}"
                    + " | budget_day_usd | 'budget_day_usd' must be a positive amount in USD or null, got -5",
            "budget as text          | POST | /admin/api-keys | {\"name\":\"a\",\"budget_month_usd\":\"ten\"}"
                    + " | budget_month_usd | must be a positive amount",
            "fractional rpm          | POST | /admin/api-keys | {\"name\":\"a\",\"requests_per_minute\":1.5}"
                    + " | requests_per_minute | must be a positive whole number",
            "zero tpm                | POST | /admin/api-keys | {\"name\":\"a\",\"tokens_per_minute\":0}"
                    + " | tokens_per_minute | must be a positive whole number",
            "models not an array     | POST | /admin/api-keys | {\"name\":\"a\",\"allowed_models\":\"gpt-4o\"}"
                    + " | allowed_models | must be an array of strings",
            "model not a string      | POST | /admin/api-keys | {\"name\":\"a\",\"allowed_models\":[\"gpt-4o\",7]}"
                    + " | allowed_models[1] | must be a non-empty string, got 7",
            "limits changed badly    | PUT  | /admin/api-keys/key_1 | {\"budget_day_usd\":0}"
                    + " | budget_day_usd | must be a positive amount",
            "host changed badly      | PUT  | /admin/virtual-keys/vk | {\"custom_host\":\"ftp://host\"}"
                    + " | custom_host | must be an http(s) URL",
            "key without a name      | POST | /admin/api-keys | {\"team\":\"x\"}"
                    + " | name | Missing required field 'name'",
            "unknown key provider    | POST | /admin/virtual-keys | {\"name\":\"n\",\"provider\":\"nope\",\"api_key\":\"k\"}"
                    + " | provider | Unknown provider 'nope'; known: ",
            "custom host not a URL   | POST | /admin/virtual-keys | {\"name\":\"n\",\"provider\":\"openai\",\"api_key\":\"k\",\"custom_host\":\"localhost:1234\"}"
                    + " | custom_host | must be an http(s) URL",
            "option not a string     | POST | /admin/virtual-keys | {\"name\":\"n\",\"provider\":\"openai\",\"api_key\":\"k\",\"options\":{\"region\":{}}}"
                    + " | options.region | must be a string",
            "bad virtual key id      | POST | /admin/virtual-keys | {\"id\":\"a b\",\"name\":\"n\",\"provider\":\"openai\",\"api_key\":\"k\"}"
                    + " | id | letters, digits",
            "config not an object    | POST | /admin/configs | {\"id\":\"c\",\"config\":[]}"
                    + " | config | Send {\"id\"",
            "unknown config provider | POST | /admin/configs | {\"id\":\"c\",\"config\":{\"targets\":[{\"provider\":\"openai\"},{\"provider\":\"nope\"}]}}"
                    + " | config.targets[1].provider | unknown provider 'nope'",
            "bad conditional regex   | POST | /admin/configs | {\"id\":\"c\",\"config\":{\"strategy\":{\"mode\":\"conditional\",\"conditions\":[{\"query\":{\"metadata.user\":{\"$regex\":\"(\"}},\"then\":\"a\"}]},\"targets\":[{\"name\":\"a\",\"provider\":\"openai\"}]}}"
                    + " | config.strategy.conditions[0].query.metadata.user.$regex | not a valid regular expression",
            "negative retry attempts | POST | /admin/configs | {\"id\":\"c\",\"config\":{\"retry\":{\"attempts\":-1},\"provider\":\"openai\"}}"
                    + " | config.retry.attempts | must be a whole number",
            "redacted key, new config| POST | /admin/configs | {\"id\":\"c\",\"config\":{\"provider\":\"openai\",\"api_key\":\"[redacted]\"}}"
                    + " | config.api_key | no key at this place to keep",
            "restore a version 'two' | POST | /admin/configs/c/versions/two/restore | {}"
                    + " | version | A version is a whole number",
            "setting not a boolean   | PUT  | /admin/settings | {\"require_api_keys\":\"yes\"}"
                    + " | require_api_keys | true|false",
    })
    void answers400NamingThePath(String name, String method, String path, String body, String param,
                                 String message) {
        Reply reply = gateway.call(gateway.admin(path).method(method,
                RequestBody.create(body, MediaType.get("application/json"))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("error").path("param").asText()).isEqualTo(param);
        assertThat(reply.json().path("error").path("message").asText()).contains(message);
        assertThat(reply.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }
}
