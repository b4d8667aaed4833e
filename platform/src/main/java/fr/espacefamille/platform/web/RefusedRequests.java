package fr.espacefamille.platform.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Answers, in the API's form or with the French error page, the requests that the server
 * refuses before Spring sees them; Reactor Netty would answer them with an empty body.
 *
 * <ul>
 *   <li>A request line longer than {@code server.netty.max-initial-line-length}: 414. Netty
 *   drops the line without keeping its path, so the answer cannot depend on it: it is the
 *   API's JSON, whatever was asked.</li>
 *   <li>Headers larger than {@code server.max-http-request-header-size}: 431.</li>
 *   <li>A request Netty could not decode, or whose address is no valid URI (Spring would
 *   refuse it unanswered): 400.</li>
 * </ul>
 *
 * <p>Sits in each connection's pipeline right after the HTTP codec. The connection is closed
 * after the answer, as Reactor Netty does after a decoding failure, and the rest of the
 * refused request is dropped.
 */
final class RefusedRequests extends ChannelInboundHandlerAdapter {

    private final RefusalBodies bodies;
    private boolean discarding;

    RefusedRequests(RefusalBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (discarding) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpRequest request && isRefused(request)) {
            discarding = true;
            FullHttpResponse response = answer(request);
            ReferenceCountUtil.release(message);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        context.fireChannelRead(message);
    }

    private static boolean isRefused(HttpRequest request) {
        return request.decoderResult().isFailure() || !isValidUri(request.uri());
    }

    private static boolean isValidUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private FullHttpResponse answer(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result.isFailure() ? result.cause() : null;
        if (cause instanceof TooLongHttpLineException) {
            return json(request, HttpResponseStatus.REQUEST_URI_TOO_LONG, "URI_TOO_LONG",
                        "L'adresse demandée est trop longue.");
        }
        boolean api = RefusalBodies.isApi(pathOf(request.uri()));
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return api ? json(request, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                              "La demande porte trop d'informations (en-têtes ou cookies). Fermez puis rouvrez "
                                      + "votre navigateur, et réessayez.")
                       : page(request, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        return api ? json(request, HttpResponseStatus.BAD_REQUEST, "INVALID_REQUEST",
                          "La demande est incomplète ou mal formée.")
                   : page(request, HttpResponseStatus.BAD_REQUEST);
    }

    private FullHttpResponse json(HttpRequest request, HttpResponseStatus status, String code, String message) {
        return response(request, status, "application/json", bodies.json(code, message));
    }

    private FullHttpResponse page(HttpRequest request, HttpResponseStatus status) {
        return response(request, status, "text/html;charset=UTF-8", bodies.page());
    }

    private static FullHttpResponse response(HttpRequest request, HttpResponseStatus status, String type,
                                             byte[] body) {
        boolean head = HttpMethod.HEAD.equals(request.method());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                                                                head ? Unpooled.EMPTY_BUFFER
                                                                     : Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    /** The path of a request's address, also of one that is no valid URI. */
    private static String pathOf(String uri) {
        String path = uri.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        int end = path.indexOf('?');
        return end < 0 ? path : path.substring(0, end);
    }
}
