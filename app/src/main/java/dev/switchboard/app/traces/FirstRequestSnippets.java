package dev.switchboard.app.traces;

/** Ready-to-paste first requests against a gateway's base URL: what the empty state offers. */
public final class FirstRequestSnippets {
    private FirstRequestSnippets() {
    }

    public static String curl(String baseUrl) {
        return """
                curl %s/v1/chat/completions \\
                  -H "Authorization: Bearer $OPENAI_API_KEY" \\
                  -H "Content-Type: application/json" \\
                  -H 'x-portkey-metadata: {"use_case": "hello"}' \\
                  -d '{"model": "gpt-4o-mini",
                       "messages": [{"role": "user", "content": "Say hello"}]}'"""
                .formatted(baseUrl);
    }

    public static String python(String baseUrl) {
        return """
                from openai import OpenAI

                client = OpenAI(base_url="%s/v1")  # the key still comes from OPENAI_API_KEY
                reply = client.chat.completions.create(
                    model="gpt-4o-mini",
                    messages=[{"role": "user", "content": "Say hello"}],
                    extra_headers={"x-portkey-metadata": '{"use_case": "hello"}'},
                )
                print(reply.choices[0].message.content)""".formatted(baseUrl);
    }

    public static String node(String baseUrl) {
        return """
                import OpenAI from "openai";

                const client = new OpenAI({ baseURL: "%s/v1" }); // key from OPENAI_API_KEY
                const reply = await client.chat.completions.create(
                  { model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello" }] },
                  { headers: { "x-portkey-metadata": JSON.stringify({ use_case: "hello" }) } },
                );
                console.log(reply.choices[0].message.content);""".formatted(baseUrl);
    }
}
