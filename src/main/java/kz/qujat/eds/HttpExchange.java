package kz.qujat.eds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One binary request/response to a TSA or OCSP responder with a timeout; any failure is "unreachable". */
final class HttpExchange {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpExchange() {
    }

    static byte[] post(URI url, String contentType, byte[] body, Duration timeout) throws EdsException {
        ServiceCalls.Service service = contentType.contains("ocsp") ? ServiceCalls.Service.OCSP : ServiceCalls.Service.TSA;
        long start = System.nanoTime();
        boolean answered = false;
        try {
            byte[] answer = send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), url);
            answered = true;
            return answer;
        } finally {
            ServiceCalls.tell(service, System.nanoTime() - start, answered);
        }
    }

    /** A GET, e.g. a CRL from its distribution point. */
    static byte[] get(URI url, Duration timeout) throws EdsException {
        return send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(), url);
    }

    private static byte[] send(HttpRequest request, URI url) throws EdsException {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new EdsException(EdsException.Kind.UNREACHABLE, url.getHost() + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, url.getHost() + ":" + url.getPort()
                    + " cannot be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdsException(EdsException.Kind.UNREACHABLE, "interrupted while waiting for " + url.getHost(), e);
        }
    }
}
