package dev.leadstream.hitl;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A local HTTP server that speaks the part of OpenID Connect hitl-api uses as a resource server:
 * the discovery document and the signing keys (JWKS). It stands in for the identity provider
 * (Keycloak, Entra ID, ...) on 127.0.0.1 and signs tokens for the tests with a key made at start.
 */
public class LocalOidcProvider implements QuarkusTestResourceLifecycleManager {

    private static final String KEY_ID = "leadstream-test-key";
    private static KeyPair signingKey;
    private static String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            signingKey = rsaKey();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/leadstream";
            RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
            serve("/realms/leadstream/.well-known/openid-configuration", """
                    {"issuer":"%s","jwks_uri":"%s/keys","token_endpoint":"%s/token",
                     "authorization_endpoint":"%s/auth","id_token_signing_alg_values_supported":["RS256"]}"""
                    .formatted(issuer, issuer, issuer, issuer));
            serve("/realms/leadstream/keys", """
                    {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                    .formatted(KEY_ID, unsigned(key.getModulus()), unsigned(key.getPublicExponent())));
            server.start();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not start the local OIDC provider", e);
        }
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.http.auth.permission.api.auth-mechanism", "bearer");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token the provider would issue for this user, with these groups, valid for five minutes. */
    static String token(String username, List<String> groups) {
        return token(username, groups, Instant.now().plusSeconds(300), signingKey.getPrivate());
    }

    /** A genuine token that expired ten minutes ago. */
    static String expiredToken(String username, List<String> groups) {
        return token(username, groups, Instant.now().minusSeconds(600), signingKey.getPrivate());
    }

    static String token(String username, List<String> groups, Instant expires, PrivateKey key) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + username + "-id\",\"preferred_username\":\"" + username
                + "\",\"aud\":\"leadstream\",\"iat\":" + (expires.getEpochSecond() - 300) + ",\"exp\":" + expires.getEpochSecond()
                + ",\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "]}";
        String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key the provider does not publish: tokens signed with it must be refused. */
    static PrivateKey strangerKey() throws GeneralSecurityException {
        return rsaKey().getPrivate();
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return base64(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
