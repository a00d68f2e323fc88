package dev.leadstream.scraper.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A microdata ({@code itemscope itemtype itemprop}) or RDFa Lite ({@code typeof property}) item
 * in the page. A property belongs to the nearest enclosing item, so nested items (an address in
 * a business) do not leak their properties upwards.
 */
final class MarkupProps implements Props {

    enum Syntax {
        MICRODATA("itemscope", "itemtype", "itemprop"),
        RDFA("typeof", "typeof", "property");

        final String scopeAttr;
        final String typeAttr;
        final String propAttr;

        Syntax(String scopeAttr, String typeAttr, String propAttr) {
            this.scopeAttr = scopeAttr;
            this.typeAttr = typeAttr;
            this.propAttr = propAttr;
        }
    }

    private final Element scope;
    private final Syntax syntax;

    MarkupProps(Element scope, Syntax syntax) {
        this.scope = scope;
        this.syntax = syntax;
    }

    @Override
    public Set<String> types() {
        return Props.simpleTypes(scope.attr(syntax.typeAttr));
    }

    @Override
    public List<String> texts(String property) {
        List<String> texts = new ArrayList<>();
        for (Element e : own(property)) {
            if (!e.hasAttr(syntax.scopeAttr)) {
                String value = valueOf(e);
                if (!value.isBlank()) {
                    texts.add(value.trim());
                }
            }
        }
        return texts;
    }

    @Override
    public List<Props> items(String property) {
        return own(property).stream().filter(e -> e.hasAttr(syntax.scopeAttr))
                .map(e -> (Props) new MarkupProps(e, syntax)).toList();
    }

    private List<Element> own(String property) {
        List<Element> own = new ArrayList<>();
        for (Element e : scope.getElementsByAttribute(syntax.propAttr)) {
            if (e != scope && Props.simpleTypes(e.attr(syntax.propAttr)).contains(property.toLowerCase(java.util.Locale.ROOT))
                    && ownerOf(e) == scope) {
                own.add(e);
            }
        }
        return own;
    }

    private Element ownerOf(Element property) {
        Element parent = property.parent();
        while (parent != null && parent != scope && !parent.hasAttr(syntax.scopeAttr)) {
            parent = parent.parent();
        }
        return parent;
    }

    private static String valueOf(Element e) {
        if (e.hasAttr("content")) {
            return e.attr("content");
        }
        return switch (e.normalName()) {
            case "a", "link", "area" -> e.attr("href");
            case "img", "audio", "video", "source", "iframe", "embed" -> e.attr("src");
            case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            case "data", "meter" -> e.attr("value");
            default -> e.text();
        };
    }
}
