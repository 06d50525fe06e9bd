package kz.qujat.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.Problem;
import kz.qujat.api.RegistryPerson;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OkHttp client of the central API for tools and the workstation. Every non-2xx answer becomes a
 * {@link CentralException} with the server's problem details; a network failure one with status 0.
 */
public class CentralClient {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.mapper();

    public CentralClient(String baseUrl) {
        // one bound for the whole call; OkHttp's own 10 s read timeout would cut off an answer that is merely
        // slow (the first intake loads the face detector) well before it
        this(baseUrl, new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ZERO)
                .build());
    }

    public CentralClient(String baseUrl, OkHttpClient http) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.http = http;
    }

    /** Submits an application as the e-gov portal does (R5, R6): the answer carries the ticket number. */
    public IntakeResponse submit(IntakeRequest request) throws CentralException {
        return send(post(Paths.INTAKE, request), IntakeResponse.class);
    }

    /** Puts one person into the simulated population register; the feed key is sent, never kept. */
    public void putRegistryPerson(RegistryPerson person, char[] feedKey) throws CentralException {
        Request request = new Request.Builder()
                .url(url(Paths.fill(Paths.REGISTRY_PERSON, "iin", person.iin())))
                .header("Authorization", "Bearer " + new String(feedKey))
                .put(RequestBody.create(write(person), JSON))
                .build();
        send(request, null);
    }

    public JsonNode health() throws CentralException {
        return send(new Request.Builder().url(url(Paths.HEALTH)).get().build(), JsonNode.class);
    }

    protected final HttpUrl url(String path) {
        return base.newBuilder().encodedPath(path).build();
    }

    protected final Request post(String path, Object body) throws CentralException {
        return new Request.Builder().url(url(path)).post(RequestBody.create(write(body), JSON)).build();
    }

    protected final byte[] write(Object body) throws CentralException {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new CentralException("cannot write the request body", e);
        }
    }

    protected final ObjectMapper mapper() {
        return mapper;
    }

    /** Executes {@code request}; returns the body as {@code type} (null type: ignore the body). */
    protected final <T> T send(Request request, Class<T> type) throws CentralException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!response.isSuccessful()) {
                throw new CentralException(response.code(), problem(response.code(), bytes));
            }
            if (type == null || bytes.length == 0) {
                return null;
            }
            if (type == byte[].class) {
                return type.cast(bytes);
            }
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new CentralException("central service not reachable at " + base + ": " + e.getMessage(), e);
        }
    }

    /** Parses a problem body; an answer that is not one (a proxy's HTML page) still yields a readable problem. */
    private Problem problem(int status, byte[] bytes) {
        try {
            Problem p = mapper.readerFor(Problem.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(bytes);
            if (p != null && p.type() != null) {
                return p;
            }
        } catch (IOException e) {
            // not problem+json; fall through to a generic problem
        }
        return new Problem("about:blank", "HTTP " + status, status, "the server answered without problem details",
                List.of());
    }
}
