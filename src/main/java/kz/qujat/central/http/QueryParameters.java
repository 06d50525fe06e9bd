package kz.qujat.central.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qujat.api.Json;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.server.ApiException;

/**
 * The query parameters each operation declares in openapi.json, so that a parameter the contract does not
 * know (a typo such as {@code stauts}, which would silently give the default list) or one given twice (which
 * value wins?) is refused with the parameter named instead of being ignored.
 */
final class QueryParameters {
    private final Map<String, Set<String>> declared;

    private QueryParameters(Map<String, Set<String>> declared) {
        this.declared = declared;
    }

    static QueryParameters from(byte[] openApi) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(openApi);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json cannot be read", e);
        }
        Map<String, Set<String>> out = new HashMap<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Set<String> names = new HashSet<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            }
            out.put(key(op.getKey(), path.getKey()), Set.copyOf(names));
        }));
        return new QueryParameters(Map.copyOf(out));
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** Refuses parameters the operation does not declare and parameters given more than once. */
    void check(String method, String path, Map<String, List<String>> given) {
        Set<String> allowed = declared.getOrDefault(key(method, path), Set.of());
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                throw refused(name, allowed.isEmpty() ? "this operation takes no query parameters"
                        : "unknown query parameter; this operation takes " + String.join(", ", allowed.stream().sorted()
                                .toList()));
            }
            if (e.getValue().size() > 1) {
                throw refused(name, "given " + e.getValue().size() + " times; give it once");
            }
        }
    }

    private static ApiException refused(String name, String message) {
        return new ApiException(ProblemKind.INVALID_INPUT, name + ": " + message,
                List.of(new Problem.FieldError(name, message)));
    }
}
