package kz.qujat.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import kz.qujat.api.Json;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors Jetty answers before a request reaches a handler (a URI or headers too large, a malformed request
 * line, header or path) as problem+json with a fixed detail: Jetty's own page is HTML and its reason may quote
 * the request.
 */
final class JettyProblems extends ErrorHandler {

    static Problem problem(int status) {
        return switch (status) {
            case 414 -> Problem.of(ProblemKind.URI_TOO_LONG, "the request URI is longer than the server accepts");
            case 431 -> Problem.of(ProblemKind.HEADERS_TOO_LARGE, "the request headers are larger than the server accepts");
            case 413 -> Problem.of(ProblemKind.TOO_LARGE, "the request body is larger than the server accepts");
            case 400 -> Problem.of(ProblemKind.INVALID_INPUT,
                    "the request is malformed: its request line, a header or the path is not valid HTTP");
            default -> ProblemWriter.fromStatus(status);
        };
    }

    static byte[] body(int status) {
        try {
            return Json.mapper().writeValueAsBytes(problem(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        byte[] body = body(code);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
