package org.anb.showcase.loadtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A bar chart as a PNG, drawn with shapes only (no fonts are needed on a headless server): one bar per value, bars
 * grouped by colour, a grid line per unit step. Labels go in the Markdown next to the picture.
 */
final class BarChart {
    static final Color[] PALETTE = {new Color(0xF5, 0x82, 0x20), new Color(0x17, 0x3A, 0x66),
            new Color(0x7A, 0x9C, 0xC6), new Color(0x99, 0x99, 0x99)};

    private BarChart() {
    }

    record Bar(double value, int colour) {
    }

    static void write(Path file, List<Bar> bars, double gridStep) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 80 + bars.size() * 70;
        int height = 360;
        int bottom = height - 30;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1) * 1.1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xDD, 0xDD, 0xDD));
        for (double y = 0; y <= max; y += gridStep) {
            int py = bottom - (int) (y / max * (bottom - 20));
            g.drawLine(40, py, width - 20, py);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int h = (int) (bar.value() / max * (bottom - 20));
            g.setColor(PALETTE[bar.colour() % PALETTE.length]);
            g.fillRect(60 + i * 70, bottom - h, 46, h);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2));
        g.drawLine(40, bottom, width - 20, bottom);
        g.drawLine(40, 20, 40, bottom);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
