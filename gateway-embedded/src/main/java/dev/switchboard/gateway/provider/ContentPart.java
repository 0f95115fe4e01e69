package dev.switchboard.gateway.provider;

/** One part of a user message's content, as OpenAI content parts describe it. */
public sealed interface ContentPart {

    /** Plain text. */
    record Text(String text) implements ContentPart {
    }

    /** An image sent inline as a {@code data:} URL, split into its media type and base64 payload. */
    record InlineImage(String mediaType, String base64Data) implements ContentPart {
    }

    /** An image the provider has to fetch itself. */
    record RemoteImage(String url) implements ContentPart {
    }
}
