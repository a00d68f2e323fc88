package dev.leadstream.enrichment.lookalike;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The embedded store: a Lucene index on local disk with an HNSW graph over the vectors. It is
 * this agent's own cache of what the topics say, so deleting the directory only costs a rebuild.
 * Payload values are stored, and the short ones indexed so {@code where} can filter on them.
 */
public final class LuceneVectorStore implements VectorStore {

    private static final String ID = "id";
    private static final String VECTOR = "vector";
    private static final String RAW_VECTOR = "vector.raw";
    private static final String PAYLOAD = "p.";
    private static final int MAX_FILTERABLE_LENGTH = 256;
    /** HNSW search is approximate: asking for more candidates than kept brings recall to 1. */
    private static final int MIN_CANDIDATES = 50;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneVectorStore(Path dir) {
        try {
            directory = FSDirectory.open(dir);
            writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the vector index in " + dir, e);
        }
    }

    @Override
    public void upsert(List<Entry> entries) {
        try {
            for (Entry entry : entries) {
                writer.updateDocument(new Term(ID, entry.id()), document(entry));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Entry entry) {
        Document doc = new Document();
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, entry.vector(), VectorSimilarityFunction.COSINE));
        ByteBuffer raw = ByteBuffer.allocate(entry.vector().length * Float.BYTES);
        raw.asFloatBuffer().put(entry.vector());
        doc.add(new StoredField(RAW_VECTOR, raw.array()));
        entry.payload().forEach((key, value) -> doc.add(value.length() <= MAX_FILTERABLE_LENGTH
                ? new StringField(PAYLOAD + key, value, Field.Store.YES) : new StoredField(PAYLOAD + key, value)));
        return doc;
    }

    @Override
    public Optional<Entry> get(String id) {
        return withSearcher(searcher -> {
            TopDocs found = searcher.search(new TermQuery(new Term(ID, id)), 1);
            return found.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(entry(searcher.storedFields().document(found.scoreDocs[0].doc)));
        });
    }

    @Override
    public List<Hit> nearest(float[] vector, int k, Map<String, String> where, String excludeId) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        where.forEach((key, value) -> filter.add(new TermQuery(new Term(PAYLOAD + key, value)), BooleanClause.Occur.FILTER));
        if (excludeId != null) {
            filter.add(new TermQuery(new Term(ID, excludeId)), BooleanClause.Occur.MUST_NOT);
        }
        Query query = new KnnFloatVectorQuery(VECTOR, vector, Math.max(k, MIN_CANDIDATES), filter.build());
        return withSearcher(searcher -> {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scored : searcher.search(query, k).scoreDocs) {
                Entry entry = entry(searcher.storedFields().document(scored.doc));
                // Lucene scores cosine as (1 + cos) / 2
                hits.add(new Hit(entry.id(), 2.0 * scored.score - 1.0, entry.payload()));
            }
            return hits;
        });
    }

    private static Entry entry(Document doc) {
        Map<String, String> payload = new TreeMap<>();
        for (IndexableField field : doc.getFields()) {
            if (field.name().startsWith(PAYLOAD)) {
                payload.put(field.name().substring(PAYLOAD.length()), field.stringValue());
            }
        }
        BytesRef raw = doc.getBinaryValue(RAW_VECTOR);
        float[] vector = new float[raw.length / Float.BYTES];
        ByteBuffer.wrap(raw.bytes, raw.offset, raw.length).asFloatBuffer().get(vector);
        return new Entry(doc.get(ID), vector, payload);
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void flush() {
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
