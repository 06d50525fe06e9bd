package kz.qujat.central.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qujat.api.Json;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.server.ApiException;

/**
 * Reads request bodies and parameters into our types with clear errors. Parser messages are never passed
 * through as they are: they may quote the input, which may be personal data.
 */
final class Bodies {
    private static final ObjectMapper MAPPER = mapper();
    private static final java.util.regex.Pattern CANONICAL_UUID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern SMALL_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,9}");

    private Bodies() {
    }

    /**
     * The shared mapper, allowing strings as long as the body limit (images travel as base64 strings), and
     * strict: a key given twice, a number or boolean where a string is expected (or the reverse), a date given
     * as a number are refused instead of being coerced.
     */
    private static ObjectMapper mapper() {
        ObjectMapper m = Json.mapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE / 2).build());
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.setDefaultLeniency(false);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[] {LogicalType.DateTime, LogicalType.Enum, LogicalType.OtherScalar}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        return m;
    }

    static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.invalid("the request body is empty; a JSON object is expected");
        }
        try (JsonParser parser = MAPPER.createParser(body)) {
            T value = MAPPER.readValue(parser, type);
            if (value == null) {
                throw ApiException.invalid("the request body is null; a JSON object is expected");
            }
            trailing(parser);
            return value;
        } catch (JsonParseException e) {
            String where = " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String field = e.getProcessor() != null ? path(e.getProcessor().getParsingContext()) : "";
            if (field.isEmpty()) {
                throw field("body", "not valid JSON" + where);
            }
            throw field(field, (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "given more than once" : "not valid JSON") + where);
        } catch (UnrecognizedPropertyException e) {
            throw field(path(e), "unknown field");
        } catch (JsonMappingException e) {
            String path = path(e);
            if (path.isEmpty()) {
                throw ApiException.invalid("the request body is not a JSON object of the expected shape");
            }
            throw field(path, "wrong type or format");
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("the request body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.invalid("the request body cannot be read");
        }
    }

    /** Only white space may follow the value: a second value or stray bytes mean the body is not what was meant. */
    private static void trailing(JsonParser parser) {
        try {
            if (parser.nextToken() == null) {
                return;
            }
        } catch (IOException e) {
            // stray bytes that are not even a token: reported below like a second value
        }
        throw field("body", "data after the JSON value (line " + parser.currentLocation().getLineNr() + ", column "
                + parser.currentLocation().getColumnNr() + ")");
    }

    /** The dotted path of the field the parser is in, "a.b[2].c"; empty at the top level. */
    private static String path(JsonStreamContext ctx) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ApiException field(String field, String message) {
        return new ApiException(ProblemKind.INVALID_INPUT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    static UUID uuid(Context ctx, String name) {
        try {
            return uuid(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw field(name, "not a valid id");
        }
    }

    /** Only the canonical 8-4-4-4-12 hex form: {@link UUID#fromString} also takes "1-1-1-1-1". */
    static UUID uuid(String text) {
        if (!CANONICAL_UUID.matcher(text).matches()) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return UUID.fromString(text);
    }

    static int limit(Context ctx, int fallback, int max) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        // ASCII digits only: Integer.parseInt also reads "+5" and other scripts' digits
        if (SMALL_NUMBER.matcher(text).matches()) {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= max) {
                return v;
            }
        }
        throw field("limit", "must be a number from 1 to " + max);
    }

    static <T> T query(Context ctx, String name, java.util.function.Function<String, T> parse) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw field(name, "invalid value");
        }
    }
}
