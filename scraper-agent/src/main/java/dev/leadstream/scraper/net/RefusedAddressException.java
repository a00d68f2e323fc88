package dev.leadstream.scraper.net;

import java.io.IOException;

/** The SSRF guard refused a host; no connection was attempted. */
public class RefusedAddressException extends IOException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
