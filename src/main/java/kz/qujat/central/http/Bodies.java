package kz.qujat.central.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    /** The shared mapper, allowing strings as long as the body limit: images travel as base64 strings. */
    private static ObjectMapper mapper() {
        ObjectMapper m = Json.mapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE / 2).build());
        return m;
    }

    static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.invalid("the request body is empty; a JSON object is expected");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiException.invalid("the request body is null; a JSON object is expected");
            }
            return value;
        } catch (JsonParseException e) {
            throw ApiException.invalid("the request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
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
