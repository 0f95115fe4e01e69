// Calls a running gateway with the official OpenAI SDK and prints what came back as one JSON line.
// Usage: node openai-sdk.mjs <gateway base URL> <provider custom host>
import OpenAI from "openai";

const [gatewayUrl, customHost] = process.argv.slice(2);
const client = new OpenAI({
  apiKey: "sk-sdk-test",
  baseURL: `${gatewayUrl}/v1`,
  maxRetries: 0,
  defaultHeaders: {
    "x-portkey-provider": "openai",
    "x-portkey-custom-host": customHost,
    "x-portkey-metadata": JSON.stringify({ client: "openai-node" }),
  },
});

const completion = await client.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "Say hello" }],
});

const stream = await client.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "Stream hello" }],
  stream: true,
});
let streamed = "";
let chunks = 0;
for await (const chunk of stream) {
  chunks += 1;
  streamed += chunk.choices[0]?.delta?.content ?? "";
}

const embedding = await client.embeddings.create({ model: "text-embedding-3-small", input: "hello" });

let error;
try {
  await client.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
} catch (e) {
  error = { status: e.status, message: e.message };
}

console.log(JSON.stringify({
  completion: completion.choices[0].message.content,
  usage: completion.usage,
  streamed,
  chunks,
  embeddingLength: embedding.data[0].embedding.length,
  error,
}));
