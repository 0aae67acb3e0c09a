package media

import (
	"errors"
	"io"
	"math"
	"time"

	mp4 "github.com/abema/go-mp4"
)

// isoBoxTypes are the top-level boxes an MP4 or MOV file may start with.
var isoBoxTypes = map[string]bool{"ftyp": true, "moov": true, "mdat": true, "wide": true, "free": true, "skip": true}

func isISOBox(typ []byte) bool { return isoBoxTypes[string(typ)] }

// isoTrack gathers one trak's facts.
type isoTrack struct {
	handler   string
	fourCC    string
	width     float64 // tkhd, before rotation
	height    float64
	matrix    [9]int32
	timescale uint32
	duration  uint64 // in timescale units
	samples   uint64
	deltas    []uint32 // stts entries' deltas, in order
}

// probeISO reads an MP4 or MOV file's boxes (moov first or last, 32- or
// 64-bit sizes), skipping media data, and fills in the report.
func probeISO(rs io.ReadSeeker, r *Report) error {
	r.Container = "MP4"
	var tracks []*isoTrack
	var current *isoTrack
	sawMoov, truncated := false, false
	_, err := mp4.ReadBoxStructure(rs, func(h *mp4.ReadHandle) (any, error) {
		bi := h.BoxInfo
		if bi.Offset+bi.Size > uint64(r.Size) {
			truncated = true
			return nil, nil
		}
		switch bi.Type {
		case mp4.BoxTypeFtyp():
			box, _, err := h.ReadPayload()
			if err != nil {
				return nil, err
			}
			if ftyp, ok := box.(*mp4.Ftyp); ok && string(ftyp.MajorBrand[:]) == "qt  " {
				r.Container = "MOV"
			}
		case mp4.StrToBoxType("wide"):
			r.Container = "MOV"
		case mp4.BoxTypeMoov():
			sawMoov = true
			return h.Expand()
		case mp4.BoxTypeTrak():
			current = &isoTrack{}
			tracks = append(tracks, current)
			return h.Expand()
		case mp4.BoxTypeMdia(), mp4.BoxTypeMinf(), mp4.BoxTypeStbl():
			return h.Expand()
		case mp4.BoxTypeStsd():
			return h.Expand()
		case mp4.BoxTypeTkhd(), mp4.BoxTypeMdhd(), mp4.BoxTypeHdlr(), mp4.BoxTypeStts():
			// QuickTime files have a second hdlr (the data handler) in minf:
			// only the one directly in mdia names the track's kind.
			if current == nil || (bi.Type == mp4.BoxTypeHdlr() && parentOf(h.Path) != mp4.BoxTypeMdia()) {
				return nil, nil
			}
			box, _, err := h.ReadPayload()
			if err != nil {
				return nil, err
			}
			current.take(box)
		default:
			// A sample description inside stsd names the codec.
			if current != nil && parentOf(h.Path) == mp4.BoxTypeStsd() && current.fourCC == "" {
				current.fourCC = bi.Type.String()
			}
		}
		return nil, nil
	})
	switch {
	case truncated:
		return errTruncated
	case err != nil && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)):
		return errTruncated
	case err != nil:
		return errNotVideo
	case !sawMoov:
		return errTruncated // the index (moov) never came: the copy stopped early
	}
	var video *isoTrack
	for _, t := range tracks {
		switch t.handler {
		case "vide":
			if video == nil {
				video = t
			}
		case "soun":
			r.HasAudio = true
		}
	}
	if video == nil {
		return errNoVideoTrack
	}
	r.FourCC = video.fourCC
	r.Codec = codecName(video.fourCC)
	r.Rotation = rotationOf(video.matrix)
	r.Width, r.Height = int(math.Round(video.width)), int(math.Round(video.height))
	if r.Rotation == 90 || r.Rotation == 270 {
		r.Width, r.Height = r.Height, r.Width
	}
	if video.timescale > 0 {
		seconds := float64(video.duration) / float64(video.timescale)
		r.Duration = time.Duration(seconds * float64(time.Second))
		if seconds > 0 {
			r.FPS = float64(video.samples) / seconds
		}
	}
	r.VariableFPS = variable(video.deltas)
	return nil
}

// parentOf is the box that holds the one at path.
func parentOf(path mp4.BoxPath) mp4.BoxType {
	if len(path) < 2 {
		return mp4.BoxType{}
	}
	return path[len(path)-2]
}

func (t *isoTrack) take(box mp4.IBox) {
	switch b := box.(type) {
	case *mp4.Tkhd:
		t.width, t.height, t.matrix = b.GetWidth(), b.GetHeight(), b.Matrix
	case *mp4.Mdhd:
		t.timescale, t.duration = b.Timescale, b.GetDuration()
	case *mp4.Hdlr:
		t.handler = string(b.HandlerType[:])
	case *mp4.Stts:
		for _, e := range b.Entries {
			t.samples += uint64(e.SampleCount)
			t.deltas = append(t.deltas, e.SampleDelta)
		}
	}
}

// rotationOf reads the clockwise rotation from a track's display matrix
// (16.16 fixed point: a b u / c d v / x y w).
func rotationOf(m [9]int32) int {
	a, b := float64(m[0]), float64(m[1])
	deg := int(math.Round(math.Atan2(b, a)*180/math.Pi)) % 360
	if deg < 0 {
		deg += 360
	}
	return (deg + 45) / 90 * 90 % 360
}

// variable reports a frame rate that changes: frame durations that differ by
// more than 2%. The last entry is left out: encoders often give the last
// frame a duration of its own.
func variable(deltas []uint32) bool {
	if len(deltas) < 3 {
		return false
	}
	lo, hi := deltas[0], deltas[0]
	for _, d := range deltas[:len(deltas)-1] {
		lo, hi = min(lo, d), max(hi, d)
	}
	return lo > 0 && float64(hi) > float64(lo)*1.02
}

// codecName names a codec by its four-character code.
func codecName(fourCC string) string {
	switch fourCC {
	case "avc1", "avc3", "H264", "h264", "X264", "x264", "AVC1":
		return "H.264"
	case "hvc1", "hev1", "HEVC", "hevc", "H265", "h265", "HVC1", "HEV1":
		return "HEVC"
	case "":
		return "unknown"
	}
	return fourCC
}
