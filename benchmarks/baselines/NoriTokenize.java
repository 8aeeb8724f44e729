// Tokenise one text per input line with Lucene's KoreanAnalyzer (Nori); print tokens space-separated.
// Input lines must not contain newlines (the caller replaces them with spaces). UTF-8 in and out.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public class NoriTokenize {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try (Analyzer analyzer = new KoreanAnalyzer()) {
            String line;
            while ((line = in.readLine()) != null) {
                StringBuilder tokens = new StringBuilder();
                try (TokenStream stream = analyzer.tokenStream("text", line)) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        if (tokens.length() > 0) {
                            tokens.append(' ');
                        }
                        tokens.append(term);
                    }
                    stream.end();
                }
                out.println(tokens);
            }
        }
        out.flush();
    }
}
