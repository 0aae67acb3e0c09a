#!/usr/bin/env bash
# Makes the probe's fixture videos with ffmpeg (Debian package ffmpeg). They
# are committed, so this runs only to change them. Plain frames keep each
# file small; the properties that matter (codec, size, rate, rotation, box
# order, duration) are real.
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
gray() { echo "color=c=0x335577:s=$1:r=$2:d=$3"; }   # size, fps, seconds

ff -f lavfi -i "$(gray 480x320 30 3)" -f lavfi -i "sine=f=440:d=3" \
   -c:v libx264 -crf 40 -c:a aac -b:a 32k -shortest -movflags +faststart h264.mp4
ff -f lavfi -i "$(gray 480x320 30 3)" -c:v libx265 -x265-params log-level=error -crf 40 -tag:v hvc1 \
   -movflags +faststart hevc.mp4
ff -f lavfi -i "$(gray 480x320 30 3)" -c:v libx264 -crf 40 rotated.mov
# A phone held upright records landscape frames and a 90 degree display
# matrix in tkhd. ffmpeg 5.1 writes no matrix, so set it as an iPhone does.
python3 - rotated.mov <<'PY'
import struct, sys
path = sys.argv[1]
d = bytearray(open(path, 'rb').read())
i = d.find(b'tkhd')
version = d[i + 4]
matrix = i + 4 + 4 + (8 if version == 0 else 16) + 4 + 4 + (4 if version == 0 else 8) + 8 + 8
height = struct.unpack('>I', d[matrix + 40:matrix + 44])[0]
d[matrix:matrix + 36] = struct.pack('>9i', 0, 65536, 0, -65536, 0, 0, height, 0, 1 << 30)
open(path, 'wb').write(bytes(d))
PY
ff -f lavfi -i "$(gray 480x320 30 3)" -c:v libx264 -crf 40 moov-at-end.mp4
# 1.5 s at 60 fps, then 1.5 s at 30 fps, timestamps kept as they are.
ff -f lavfi -i "$(gray 480x320 60 3)" -vf "select='lt(n,90)+not(mod(n,2))',setpts='if(lt(N,90),N/60,1.5+(N-90)/30)/TB'" \
   -fps_mode passthrough -c:v libx264 -crf 40 -movflags +faststart vfr.mp4
ff -f lavfi -i "$(gray 480x320 30 1)" -c:v libx264 -crf 40 -movflags +faststart short-1s.mp4
ff -f lavfi -i "$(gray 320x320 24 70)" -c:v libx264 -crf 45 -g 2000 -movflags +faststart long-70s.mp4
ff -f lavfi -i "$(gray 240x240 30 3)" -c:v libx264 -crf 40 -movflags +faststart small-240.mp4
ff -f lavfi -i "$(gray 480x320 15 3)" -c:v libx264 -crf 40 -movflags +faststart fps15.mp4
ff -f lavfi -i "$(gray 480x320 30 3)" -c:v libx264 -crf 40 clip.avi
ff -f lavfi -i "sine=f=440:d=3" -c:a aac -b:a 32k -movflags +faststart audio-only.mp4
head -c "$(( $(stat -c %s moov-at-end.mp4) * 6 / 10 ))" moov-at-end.mp4 > truncated.mp4
printf 'These are my notes about the shoot, not a video.\n' > notes.mp4
ls -l
