package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.rest.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;

/**
 * A refusal or failure under {@code /ui} is a page that says in words what the API's problem
 * details say: a browser shows it, where it would show JSON.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Object title, Object detail);
    }

    @ServerResponseFilter
    public void inWords(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/ui") && response.getEntity() instanceof Map<?, ?> problem
                && response.getMediaType() != null && response.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            response.setEntity(Templates.error(problem.get("title"), problem.get("detail")).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
