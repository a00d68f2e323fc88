package dev.leadstream.local;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SampleWeb;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleWebIT {

    @Test
    void eachBusinessIsItsOwnVirtualHostAndTheDirectoryPaginates() throws Exception {
        List<SampleBusiness> businesses = SampleBusinesses.generate(12, 42);
        try (SampleWeb web = new SampleWeb(businesses, 0).start()) {
            SampleBusiness first = businesses.get(0);
            assertThat(get(web.port(), first.host(), "/")).contains(first.name()).contains("application/ld+json");
            assertThat(get(web.port(), businesses.get(2).host(), "/contact")).contains("[at]");
            String directory = get(web.port(), SampleWeb.DIRECTORY_HOST, "/");
            assertThat(directory).contains(businesses.get(9).name()).doesNotContain(businesses.get(10).name())
                    .contains("rel=\"next\"");
            assertThat(get(web.port(), SampleWeb.DIRECTORY_HOST, "/?page=1")).contains(businesses.get(10).name());
            assertThat(get(web.port(), "nowhere.test", "/")).startsWith("HTTP/1.1 404");
            assertThat(web.hostsFile()).contains("127.0.0.1 " + first.host());
        }
    }

    /** Speaks HTTP by hand so the Host header can name a sample site while the socket goes to 127.0.0.1. */
    private static String get(int port, String host, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
