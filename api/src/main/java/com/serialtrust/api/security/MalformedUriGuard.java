package com.serialtrust.api.security;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * A request whose address is not a URI (a bad percent escape such as {@code %ZZ}, a space) never
 * reaches Spring, which would answer an empty 400: it is answered here, as problem JSON, and the
 * connection closed.
 */
@Component
class MalformedUriGuard implements NettyServerCustomizer {

    private static final byte[] PROBLEM = ("{\"type\":\"/problems/uri-invalid\",\"title\":\"Uri invalid\",\"status\":400,"
            + "\"detail\":\"the request's address is not a valid URI\",\"code\":\"URI_INVALID\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    public reactor.netty.http.server.HttpServer apply(final reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "serialtrustUriGuard", new Guard());
            }
        });
    }

    private static final class Guard extends ChannelInboundHandlerAdapter {
        private boolean refused;

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && !isUri(request.uri())) {
                refused = true;
                ReferenceCountUtil.release(msg);
                final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(PROBLEM));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
                response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, PROBLEM.length);
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private static boolean isUri(final String uri) {
            try {
                new URI(uri);
                return true;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
