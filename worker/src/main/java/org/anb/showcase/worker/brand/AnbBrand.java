package org.anb.showcase.worker.brand;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * The ANB brand, drawn here and nowhere else: a basketball beside the letters A-N-B, built from shapes only (no
 * fonts, so it renders the same on a headless server as on a laptop). The pipeline uses two renderings: a
 * translucent watermark for the corner of every frame and a full-frame 1280×720 card for the opening and closing.
 */
public final class AnbBrand {
    public static final int FRAME_WIDTH = 1280;
    public static final int FRAME_HEIGHT = 720;
    /** Watermark size in output pixels; the pipeline places it 24 px from the bottom-right corner. */
    public static final int WATERMARK_WIDTH = 220;
    public static final int WATERMARK_HEIGHT = 84;

    static final Color ORANGE = new Color(0xF5, 0x82, 0x20);
    static final Color NAVY = new Color(0x0B, 0x1F, 0x3A);
    static final Color NAVY_LIGHT = new Color(0x17, 0x3A, 0x66);

    private AnbBrand() {
    }

    /** The files the pipeline reads. */
    public record Assets(Path watermark, Path card) {
    }

    /** Renders the watermark and the card as PNG files into {@code dir}. */
    public static Assets writeTo(Path dir) {
        System.setProperty("java.awt.headless", "true");
        Path watermark = dir.resolve("anb-watermark.png");
        Path card = dir.resolve("anb-card.png");
        write(watermark(), watermark);
        write(card(), card);
        return new Assets(watermark, card);
    }

    static BufferedImage watermark() {
        BufferedImage image = new BufferedImage(WATERMARK_WIDTH, WATERMARK_HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        g.setColor(new Color(0, 0, 0, 110));
        g.fillRoundRect(0, 0, WATERMARK_WIDTH, WATERMARK_HEIGHT, 24, 24);
        drawLogo(g, 10, 8, WATERMARK_HEIGHT - 16);
        g.dispose();
        return image;
    }

    static BufferedImage card() {
        BufferedImage image = new BufferedImage(FRAME_WIDTH, FRAME_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, NAVY, 0, FRAME_HEIGHT, NAVY_LIGHT));
        g.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
        int logoHeight = 220;
        int logoWidth = logoWidth(logoHeight);
        drawLogo(g, (FRAME_WIDTH - logoWidth) / 2, (FRAME_HEIGHT - logoHeight) / 2 - 30, logoHeight);
        g.setColor(ORANGE);
        g.fillRect((FRAME_WIDTH - logoWidth) / 2, (FRAME_HEIGHT + logoHeight) / 2 + 10, logoWidth, 10);
        g.dispose();
        return image;
    }

    static int logoWidth(int height) {
        return (int) (height * 2.55);
    }

    /** Ball of diameter {@code height} at (x, y), then the three letters to its right. */
    private static void drawLogo(Graphics2D g, int x, int y, int height) {
        drawBall(g, x, y, height);
        float stroke = height * 0.13f;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double letterHeight = height * 0.78;
        double letterWidth = height * 0.42;
        double top = y + (height - letterHeight) / 2;
        double left = x + height * 1.22;
        double gap = height * 0.14;
        g.draw(letterA(left, top, letterWidth, letterHeight));
        g.draw(letterN(left + letterWidth + gap, top, letterWidth, letterHeight));
        g.draw(letterB(left + 2 * (letterWidth + gap), top, letterWidth, letterHeight));
    }

    private static void drawBall(Graphics2D g, double x, double y, double d) {
        g.setColor(ORANGE);
        g.fill(new Ellipse2D.Double(x, y, d, d));
        g.setColor(new Color(0x1A, 0x1A, 0x1A));
        g.setStroke(new BasicStroke((float) (d * 0.045), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(x, y, d, d));
        g.draw(new Line2D.Double(x + d / 2, y, x + d / 2, y + d));
        g.draw(new Line2D.Double(x, y + d / 2, x + d, y + d / 2));
        g.draw(new Arc2D.Double(x - d * 0.55, y + d * 0.1, d * 0.8, d * 0.8, -50, 100, Arc2D.OPEN));
        g.draw(new Arc2D.Double(x + d * 0.75, y + d * 0.1, d * 0.8, d * 0.8, 130, 100, Arc2D.OPEN));
    }

    private static Path2D letterA(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y + h);
        p.lineTo(x + w / 2, y);
        p.lineTo(x + w, y + h);
        p.moveTo(x + w * 0.22, y + h * 0.62);
        p.lineTo(x + w * 0.78, y + h * 0.62);
        return p;
    }

    private static Path2D letterN(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y + h);
        p.lineTo(x, y);
        p.lineTo(x + w, y + h);
        p.lineTo(x + w, y);
        return p;
    }

    private static Path2D letterB(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y + h);
        p.lineTo(x, y);
        p.lineTo(x + w * 0.5, y);
        p.quadTo(x + w * 0.92, y, x + w * 0.92, y + h * 0.24);
        p.quadTo(x + w * 0.92, y + h * 0.48, x + w * 0.5, y + h * 0.48);
        p.lineTo(x, y + h * 0.48);
        p.moveTo(x + w * 0.5, y + h * 0.48);
        p.quadTo(x + w, y + h * 0.48, x + w, y + h * 0.74);
        p.quadTo(x + w, y + h, x + w * 0.5, y + h);
        p.lineTo(x, y + h);
        return p;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private static void write(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
