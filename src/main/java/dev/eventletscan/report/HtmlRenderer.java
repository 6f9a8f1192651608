package dev.eventletscan.report;

import dev.eventletscan.model.ScanResult;
import dev.eventletscan.report.html.HtmlView;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * One self-contained HTML page (styles, charts and script inline, nothing
 * loaded from the network), from the FreeMarker template under
 * resources/report/html. The template auto-escapes everything it prints:
 * paths, code and messages come from the scanned repository.
 */
public final class HtmlRenderer implements Renderer {
    private static final String DIR = "/report/html";
    static final Configuration FREEMARKER = configuration();
    private static final String SCRIPT = resource("report.js");
    /** The CSP lets only this exact script run: injected markup could not run a script even if escaping failed. */
    private static final String SCRIPT_HASH = "sha256-" + sha256Base64(SCRIPT);

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(HtmlRenderer.class, DIR);
        c.setDefaultEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("0.##");
        c.setBooleanFormat("c");
        return c;
    }

    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        Template template = FREEMARKER.getTemplate("report.ftlh");
        Map<String, Object> model = Map.of("r", result, "v", HtmlView.of(result), "summaryLine", TextRenderer.summaryLine(result),
                "css", resource("report.css"), "js", SCRIPT, "scriptHash", SCRIPT_HASH);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("HTML template failed: " + e.getMessage(), e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(DIR + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + "/" + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
