package dev.faceswap4j.runner.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * One Markdown file as GitHub reads it (CommonMark with GFM tables): its link and image targets, the anchors its
 * headings get, and the text of its code (spans, and blocks of shell or of no named language), each with the line it is on.
 */
record MarkdownPage(Path file, List<Located> targets, Set<String> anchors, List<Located> code) {

    /** A piece of the page and the 1-based line it starts on. */
    record Located(String text, int line) {}

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    /** Fenced blocks that show commands: a shell's, or no language named. Text, HOCON or Java blocks do not. */
    private static final Set<String> SHELL = Set.of("", "sh", "bash", "shell", "console", "zsh");
    private static final Pattern HTML_TARGET = Pattern.compile("\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("\\b(?:id|name)\\s*=\\s*\"([^\"]*)\"");

    static MarkdownPage read(Path file) throws IOException {
        Node document = PARSER.parse(Files.readString(file));
        List<Located> targets = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>();
        List<Located> code = new ArrayList<>();
        IdGenerator ids = IdGenerator.builder().build();   // one per page: a repeated heading gets -1, -2, as on GitHub
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(new Located(link.getDestination(), line(link)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(new Located(image.getDestination(), line(image)));
                visitChildren(image);
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                targets.add(new Located(definition.getDestination(), line(definition)));
            }

            @Override
            public void visit(Heading heading) {
                anchors.add(ids.generateId(plainText(heading)));
                visitChildren(heading);
            }

            @Override
            public void visit(HtmlInline html) {
                html(html.getLiteral(), line(html));
            }

            @Override
            public void visit(HtmlBlock html) {
                html(html.getLiteral(), line(html));
            }

            @Override
            public void visit(Code span) {
                code.add(new Located(span.getLiteral(), line(span)));
            }

            @Override
            public void visit(FencedCodeBlock block) {
                if (SHELL.contains(block.getInfo().strip().split("\\s+")[0])) {
                    code.add(new Located(block.getLiteral(), line(block) + 1));
                }
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                code.add(new Located(block.getLiteral(), line(block)));
            }

            private void html(String literal, int line) {
                Matcher target = HTML_TARGET.matcher(literal);
                while (target.find()) {
                    targets.add(new Located(target.group(1), line));
                }
                Matcher anchor = HTML_ANCHOR.matcher(literal);
                while (anchor.find()) {
                    anchors.add(anchor.group(1));
                }
            }
        });
        return new MarkdownPage(file, List.copyOf(targets), Set.copyOf(anchors), List.copyOf(code));
    }

    /** The heading's text as GitHub takes it for the anchor: its words and code spans, without the markup. */
    private static String plainText(Node heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }
        });
        return text.toString();
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
