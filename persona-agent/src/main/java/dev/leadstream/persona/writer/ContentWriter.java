package dev.leadstream.persona.writer;

/**
 * Writes every message a campaign asks for (each channel, sequence step and at least two
 * variants) as statements citing the brief's facts. What a writer claims is checked afterwards
 * by the grounding gate, so a writer may be wrong but never unchecked.
 */
public interface ContentWriter {

    Written write(Brief brief);
}
