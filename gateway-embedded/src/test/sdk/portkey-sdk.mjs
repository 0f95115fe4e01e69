// Sends a fallback config through the gateway with the official portkey-ai SDK and prints the result as JSON.
// Usage: node portkey-sdk.mjs <gateway base URL> <failing host> <working host>
import { Portkey } from "portkey-ai";

const [gatewayUrl, failingHost, workingHost] = process.argv.slice(2);
const portkey = new Portkey({
  apiKey: "not-used-by-switchboard",
  baseURL: `${gatewayUrl}/v1`,
  config: {
    strategy: { mode: "fallback" },
    targets: [
      { provider: "openai", api_key: "sk-primary", custom_host: failingHost },
      { provider: "openai", api_key: "sk-backup", custom_host: workingHost },
    ],
  },
  metadata: { client: "portkey-node" },
});

const completion = await portkey.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "Hello" }],
});

console.log(JSON.stringify({ content: completion.choices[0].message.content }));
