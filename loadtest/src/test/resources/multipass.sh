#!/usr/bin/env bash
# Baseline (b): the multi-pass pipeline earlier teams used, one ffmpeg run per step, same output as our worker.
# Usage: multipass.sh FFMPEG INPUT CARD_PNG WATERMARK_PNG OUTPUT WORKDIR
set -euo pipefail
FF="$1"; IN="$2"; CARD="$3"; MARK="$4"; OUT="$5"; W="$6"
X264=(-c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p)
"$FF" -hide_banner -loglevel error -nostdin -y -i "$IN" -t 30 -an "${X264[@]}" "$W/1-trimmed.mp4"
"$FF" -hide_banner -loglevel error -nostdin -y -i "$W/1-trimmed.mp4" \
  -vf "scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=30" \
  -an "${X264[@]}" "$W/2-scaled.mp4"
"$FF" -hide_banner -loglevel error -nostdin -y -i "$W/2-scaled.mp4" -i "$MARK" \
  -filter_complex "[0:v][1:v]overlay=W-w-24:H-h-24" -an "${X264[@]}" "$W/3-watermarked.mp4"
"$FF" -hide_banner -loglevel error -nostdin -y -loop 1 -framerate 30 -t 2.5 -i "$CARD" \
  -vf "scale=1280:720,setsar=1,fps=30,fade=t=in:st=0:d=0.5" "${X264[@]}" "$W/intro.mp4"
"$FF" -hide_banner -loglevel error -nostdin -y -loop 1 -framerate 30 -t 2.5 -i "$CARD" \
  -vf "scale=1280:720,setsar=1,fps=30,fade=t=out:st=2:d=0.5" "${X264[@]}" "$W/outro.mp4"
printf "file '%s'\nfile '%s'\nfile '%s'\n" "$W/intro.mp4" "$W/3-watermarked.mp4" "$W/outro.mp4" > "$W/list.txt"
"$FF" -hide_banner -loglevel error -nostdin -y -f concat -safe 0 -i "$W/list.txt" "${X264[@]}" -movflags +faststart "$OUT"
"$FF" -hide_banner -loglevel error -nostdin -y -ss 3.5 -i "$OUT" -frames:v 1 -q:v 3 "$W/poster.jpg"
