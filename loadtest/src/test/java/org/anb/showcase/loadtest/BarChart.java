package org.anb.showcase.loadtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A labelled bar chart as a PNG for docs/benchmarks.md: one bar per value, its value on top, a two-line label below,
 * bars coloured by group. Text needs a system font (DejaVu here); without one the chart is drawn without text.
 */
public final class BarChart {
    static final Color[] PALETTE = {new Color(0xF5, 0x82, 0x20), new Color(0x17, 0x3A, 0x66),
            new Color(0x7A, 0x9C, 0xC6), new Color(0x99, 0x99, 0x99)};

    private BarChart() {
    }

    /** {@code label} may hold one line break. */
    public record Bar(String label, double value, int colour) {
    }

    public static void write(Path file, String title, String unit, List<Bar> bars, double gridStep) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 90 + bars.size() * 96;
        int height = 420;
        int top = 50;
        int bottom = height - 60;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1) * 1.15;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (double y = 0; y <= max; y += gridStep) {
            int py = bottom - (int) (y / max * (bottom - top));
            g.setColor(new Color(0xDD, 0xDD, 0xDD));
            g.drawLine(60, py, width - 20, py);
            text(g, String.format("%.0f", y), 20, py + 4, 11, Color.GRAY);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int x = 80 + i * 96;
            int h = (int) (bar.value() / max * (bottom - top));
            g.setColor(PALETTE[bar.colour() % PALETTE.length]);
            g.fillRect(x, bottom - h, 60, h);
            text(g, String.format("%.1f", bar.value()), x + 12, bottom - h - 6, 12, Color.BLACK);
            String[] lines = bar.label().split("\n");
            for (int l = 0; l < lines.length; l++) {
                text(g, lines[l], x - 14, bottom + 18 + 15 * l, 11, Color.DARK_GRAY);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2));
        g.drawLine(60, bottom, width - 20, bottom);
        g.drawLine(60, top - 10, 60, bottom);
        text(g, title + " (" + unit + ")", 20, 28, 15, Color.BLACK);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void text(Graphics2D g, String text, int x, int y, int size, Color colour) {
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.setColor(colour);
            g.drawString(text, x, y);
        } catch (RuntimeException | Error noFont) {
            // A server without fonts still gets the bars.
        }
    }
}
