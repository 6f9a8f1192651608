package dev.eventletscan.report;

import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** One report format. A renderer is a pure function of the result: it computes nothing the model lacks. */
public interface Renderer {
    void render(ScanResult result, Writer out) throws IOException;
}
