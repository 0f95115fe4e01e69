package dev.switchboard.gateway.telemetry;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what an OTLP/HTTP exporter really sends: the protobuf {@code ExportTraceServiceRequest}, decoded with the
 * field numbers of opentelemetry-proto's trace.proto, common.proto and resource.proto. Enough to check spans,
 * their ids and attributes without generated classes.
 */
final class OtlpWire {
    private OtlpWire() {
    }

    /** One decoded span. {@code attributes} values are String, Long, Double, Boolean or List of those. */
    record ExportedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
                        long startNanos, long endNanos, Map<String, Object> attributes, int statusCode,
                        Map<String, Object> resource) {
    }

    static List<ExportedSpan> spans(byte[] body) {
        List<ExportedSpan> spans = new ArrayList<>();
        for (Object resourceSpans : fields(body).getOrDefault(1, List.of())) {
            Map<Integer, List<Object>> rs = fields((byte[]) resourceSpans);
            Map<String, Object> resource = rs.containsKey(1) ? attributes(fields(bytes(rs, 1)).get(1))
                    : Map.of();
            for (Object scopeSpans : rs.getOrDefault(2, List.of())) {
                for (Object span : fields((byte[]) scopeSpans).getOrDefault(2, List.of())) {
                    spans.add(span((byte[]) span, resource));
                }
            }
        }
        return spans;
    }

    private static ExportedSpan span(byte[] bytes, Map<String, Object> resource) {
        Map<Integer, List<Object>> f = fields(bytes);
        int statusCode = 0;
        if (f.containsKey(15)) {
            statusCode = (int) (long) fields(bytes(f, 15)).getOrDefault(3, List.of(0L)).getFirst();
        }
        return new ExportedSpan(hex(f, 1), hex(f, 2), hex(f, 4), f.containsKey(5) ? new String(bytes(f, 5)) : null,
                (int) (long) f.getOrDefault(6, List.of(0L)).getFirst(), (long) f.get(7).getFirst(),
                (long) f.get(8).getFirst(), attributes(f.get(9)), statusCode, resource);
    }

    private static Map<String, Object> attributes(List<Object> keyValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (keyValues == null) {
            return attributes;
        }
        for (Object keyValue : keyValues) {
            Map<Integer, List<Object>> kv = fields((byte[]) keyValue);
            attributes.put(new String(bytes(kv, 1)), anyValue(bytes(kv, 2)));
        }
        return attributes;
    }

    private static Object anyValue(byte[] bytes) {
        Map<Integer, List<Object>> v = fields(bytes);
        if (v.containsKey(1)) {
            return new String(bytes(v, 1));
        }
        if (v.containsKey(2)) {
            return (long) v.get(2).getFirst() != 0;
        }
        if (v.containsKey(3)) {
            return v.get(3).getFirst();
        }
        if (v.containsKey(4)) {
            return Double.longBitsToDouble((long) v.get(4).getFirst());
        }
        if (v.containsKey(5)) {
            List<Object> values = new ArrayList<>();
            for (Object value : fields(bytes(v, 5)).getOrDefault(1, List.of())) {
                values.add(anyValue((byte[]) value));
            }
            return values;
        }
        return null;
    }

    private static byte[] bytes(Map<Integer, List<Object>> fields, int number) {
        return (byte[]) fields.get(number).getFirst();
    }

    private static String hex(Map<Integer, List<Object>> fields, int number) {
        return fields.containsKey(number) ? HexFormat.of().formatHex(bytes(fields, number)) : "";
    }

    /** Field number to values: varints and fixed numbers as Long, length-delimited fields as byte[]. */
    static Map<Integer, List<Object>> fields(byte[] message) {
        Map<Integer, List<Object>> fields = new LinkedHashMap<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            Object value = switch ((int) (tag & 7)) {
                case 0 -> varint(message, at);
                case 1 -> fixed(message, at, 8);
                case 2 -> {
                    int length = (int) varint(message, at);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(message, at[0], length);
                    at[0] += length;
                    yield out.toByteArray();
                }
                case 5 -> fixed(message, at, 4);
                default -> throw new IllegalArgumentException("wire type " + (tag & 7) + " not expected in OTLP");
            };
            fields.computeIfAbsent(number, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static long fixed(byte[] bytes, int[] at, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) (bytes[at[0]++] & 0xff) << (8 * i);
        }
        return value;
    }
}
