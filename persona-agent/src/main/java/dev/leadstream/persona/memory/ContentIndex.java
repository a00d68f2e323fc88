package dev.leadstream.persona.memory;

import dev.leadstream.topics.EventJson;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Persona-agent's memory on local disk, one Lucene index: the drafts it wrote (by draft id, no
 * vector) and the content that earned a reply (a vector over lead profile and content, searched
 * with HNSW). It holds no contact data (see {@link ExampleScrubber}).
 */
final class ContentIndex implements AutoCloseable {

    /** A stored example and its cosine similarity (-1 to 1) to the query. */
    record Hit(String id, String channel, String text, String outcome, double similarity) {
    }

    private static final String ID = "id";
    private static final String KIND = "kind";
    private static final String DRAFT = "draft";
    private static final String EXAMPLE = "example";
    private static final String JSON = "json";
    private static final String VECTOR = "vector";
    private static final String CHANNEL = "channel";
    private static final String TEXT = "text";
    private static final String OUTCOME = "outcome";
    /** HNSW search is approximate: asking for more candidates than kept brings recall to 1. */
    private static final int MIN_CANDIDATES = 50;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    ContentIndex(Path dir) {
        try {
            directory = FSDirectory.open(dir);
            writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the content memory in " + dir, e);
        }
    }

    void putDraft(RememberedDraft draft) {
        Document doc = new Document();
        doc.add(new StringField(ID, DRAFT + ":" + draft.draftId(), Field.Store.YES));
        doc.add(new StringField(KIND, DRAFT, Field.Store.NO));
        doc.add(new StoredField(JSON, EventJson.toBytes(draft)));
        put(DRAFT + ":" + draft.draftId(), doc);
    }

    Optional<RememberedDraft> draft(String draftId) {
        return stored(DRAFT + ":" + draftId).map(doc -> {
            BytesRef json = doc.getBinaryValue(JSON);
            return EventJson.read(Arrays.copyOfRange(json.bytes, json.offset, json.offset + json.length), RememberedDraft.class);
        });
    }

    void putExample(String id, String channel, String text, String outcome, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new StringField(KIND, EXAMPLE, Field.Store.NO));
        doc.add(new StringField(CHANNEL, channel, Field.Store.YES));
        doc.add(new StoredField(TEXT, text));
        doc.add(new StringField(OUTCOME, outcome, Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        put(id, doc);
    }

    Optional<String> outcomeOf(String exampleId) {
        return stored(exampleId).map(doc -> doc.get(OUTCOME));
    }

    /** The {@code k} examples nearest to {@code vector} among those for {@code channels}, best first. */
    List<Hit> nearestExamples(float[] vector, int k, Collection<String> channels) {
        BooleanQuery filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, EXAMPLE)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(CHANNEL, channels.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                .build();
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(VECTOR, vector, Math.max(k, MIN_CANDIDATES), filter);
        return withSearcher(searcher -> {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scored : searcher.search(query, k).scoreDocs) {
                Document doc = searcher.storedFields().document(scored.doc);
                // Lucene scores cosine as (1 + cos) / 2
                hits.add(new Hit(doc.get(ID), doc.get(CHANNEL), doc.get(TEXT), doc.get(OUTCOME), 2.0 * scored.score - 1.0));
            }
            return hits;
        });
    }

    /** Makes every write so far durable. */
    void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String id, Document doc) {
        try {
            writer.updateDocument(new Term(ID, id), doc);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Document> stored(String id) {
        return withSearcher(searcher -> {
            TopDocs found = searcher.search(new TermQuery(new Term(ID, id)), 1);
            return found.scoreDocs.length == 0 ? Optional.empty() : Optional.of(searcher.storedFields().document(found.scoreDocs[0].doc));
        });
    }

    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return task.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
