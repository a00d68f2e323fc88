package dev.leadstream.hitl.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * The API's 401s as problem details too, keeping the sign-in challenge (WWW-Authenticate) the
 * configured mechanism asks for: wrong credentials are refused before any resource runs, no
 * credentials where a role is needed are refused by the resource's role check.
 */
@jakarta.inject.Singleton
public class AuthProblems {

    private static final String DETAIL = "sign in first: send valid credentials for the API";

    /** Wrong credentials on /api: the request never reached a resource. */
    void onRouter(@Observes Router router) {
        router.route("/api/*").failureHandler(context -> {
            if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
                context.next();
                return;
            }
            challenge(context).subscribe().with(challenge -> {
                context.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE);
                challenge.getHeaders().forEach((name, value) -> context.response().putHeader(name, value));
                context.response().end(Json.encode(Problem.body(null, 401, DETAIL, context.request().path(), Map.of())));
            }, failure -> context.next());
        });
    }

    /** No credentials where a role is needed. Outside /api (the UI) the challenge is all: a redirect to sign in. */
    @ServerExceptionMapper
    public Uni<Response> map(UnauthorizedException e, RoutingContext context) {
        return challenge(context).map(challenge -> {
            boolean api = context.request().path().startsWith("/api");
            Response.ResponseBuilder response = api
                    ? Response.fromResponse(Problem.response(null, 401, DETAIL, context.request().path(), Map.of())).status(401)
                    : Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        });
    }

    private static Uni<ChallengeData> challenge(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        return authenticator == null ? Uni.createFrom().item(new ChallengeData(401))
                : authenticator.getChallenge(context).map(c -> c == null ? new ChallengeData(401) : c);
    }
}
