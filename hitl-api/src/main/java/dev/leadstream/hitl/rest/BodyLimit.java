package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.ApiProblem;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps a body sent without a Content-Length (chunked) as {@link RequestGuard} caps one that
 * announces its size: reading past {@link RequestGuard#MAX_BODY_BYTES} is a 413 naming the limit,
 * not whatever the field checks would have said about the part that was read.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Capped(context.getInputStream()));
        return context.proceed();
    }

    private static final class Capped extends FilterInputStream {

        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > RequestGuard.MAX_BODY_BYTES) {
                throw ApiProblem.tooLarge("the body is more than " + RequestGuard.MAX_BODY_BYTES + " bytes; the API takes at most "
                        + RequestGuard.MAX_BODY_BYTES, RequestGuard.MAX_BODY_BYTES);
            }
        }
    }
}
