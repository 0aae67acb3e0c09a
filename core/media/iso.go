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

// Bounds on what a walk over an MP4's boxes does, whatever the file
// declares: real files nest seven deep (moov trak mdia minf stbl stsd
// avc1), hold a few tracks and a few hundred boxes before their media
// data. Each bound is far above that and keeps a crafted file's walk to a
// fraction of a second and a few megabytes: 1,000,000 traks inside one
// another once ran the probe out of memory, and 2,000,000 empty boxes took
// 22 s.
const (
	maxBoxDepth = 16
	maxTracks   = 64
	maxBoxes    = 50_000
)

// isoTrack gathers one trak's facts.
type isoTrack struct {
	handler   string
	fourCC    string
	width     float64 // tkhd, before rotation
	height    float64
	matrix    [9]int32
	timescale uint32
	duration  uint64     // in timescale units
	stts      sttsReader // the frame durations, read as they stream by
}

// probeISO reads an MP4 or MOV file's boxes (moov first or last, 32- or
// 64-bit sizes), skipping media data, and fills in the report.
func probeISO(rs io.ReadSeeker, r *Report) error {
	walk := isoWalk{size: r.Size, container: "MP4"}
	_, err := mp4.ReadBoxStructure(rs, walk.visit)
	r.Container = walk.container
	if err := walk.outcome(err); err != nil {
		return err
	}
	video, hasAudio := pickTracks(walk.tracks)
	r.HasAudio = hasAudio
	if video == nil {
		return errNoVideoTrack
	}
	video.describe(r)
	return nil
}

// isoWalk is what a walk over the boxes has gathered so far.
type isoWalk struct {
	size      int64 // the file's size: a box reaching past it was cut off
	container string
	tracks    []*isoTrack
	current   *isoTrack // the trak being read
	sawMoov   bool
	truncated bool
	boxes     int // boxes visited so far
}

// visit reads one box: it opens the containers that lead to the facts,
// reads the few boxes that hold them, and skips everything else.
func (w *isoWalk) visit(h *mp4.ReadHandle) (any, error) {
	bi := h.BoxInfo
	w.boxes++
	if w.boxes > maxBoxes || len(h.Path) > maxBoxDepth || bi.Size < bi.HeaderSize {
		return nil, errNotVideo
	}
	// Written so that it cannot wrap around: Offset + Size can, for a
	// 64-bit size near 2^64.
	// A box that reaches past the end was cut off, and nothing after it
	// can be read (a wrapped size would lead the walk back to the start).
	if bi.Size > uint64(w.size) || bi.Offset > uint64(w.size)-bi.Size {
		w.truncated = true
		return nil, errTruncated
	}
	switch bi.Type {
	case mp4.BoxTypeFtyp():
		return nil, w.readBrand(h)
	case mp4.StrToBoxType("wide"):
		w.container = "MOV"
	case mp4.BoxTypeMoov():
		w.sawMoov = true
		return h.Expand()
	case mp4.BoxTypeTrak():
		if len(w.tracks) == maxTracks {
			return nil, errNotVideo
		}
		w.current = &isoTrack{}
		w.tracks = append(w.tracks, w.current)
		return h.Expand()
	case mp4.BoxTypeMdia(), mp4.BoxTypeMinf(), mp4.BoxTypeStbl(), mp4.BoxTypeStsd():
		return h.Expand()
	case mp4.BoxTypeStts():
		if w.current != nil {
			w.current.stts = sttsReader{}
			_, err := h.ReadData(&w.current.stts)
			return nil, err
		}
	case mp4.BoxTypeTkhd(), mp4.BoxTypeMdhd(), mp4.BoxTypeHdlr():
		return nil, w.readTrackFact(h)
	default:
		// A sample description inside stsd names the codec.
		if w.current != nil && parentOf(h.Path) == mp4.BoxTypeStsd() && w.current.fourCC == "" {
			w.current.fourCC = bi.Type.String()
		}
	}
	return nil, nil
}

// readBrand tells a QuickTime file (major brand "qt  ") from an MP4.
func (w *isoWalk) readBrand(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	if ftyp, ok := box.(*mp4.Ftyp); ok && string(ftyp.MajorBrand[:]) == "qt  " {
		w.container = "MOV"
	}
	return nil
}

// readTrackFact reads a tkhd, mdhd, hdlr or stts box into the current track.
func (w *isoWalk) readTrackFact(h *mp4.ReadHandle) error {
	// QuickTime files have a second hdlr (the data handler) in minf: only the
	// one directly in mdia names the track's kind.
	if w.current == nil || (h.BoxInfo.Type == mp4.BoxTypeHdlr() && parentOf(h.Path) != mp4.BoxTypeMdia()) {
		return nil
	}
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	w.current.take(box)
	return nil
}

// outcome sorts how the walk ended: a file cut short, a file that is not an
// MP4 or MOV at all, or one whose boxes were all read.
func (w *isoWalk) outcome(err error) error {
	switch {
	case w.truncated:
		return errTruncated
	case err != nil && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)):
		return errTruncated
	case err != nil:
		return errNotVideo
	case !w.sawMoov:
		return errTruncated // the index (moov) never came: the copy stopped early
	}
	return nil
}

// pickTracks finds the first video track and whether any track is sound.
func pickTracks(tracks []*isoTrack) (video *isoTrack, hasAudio bool) {
	for _, t := range tracks {
		switch t.handler {
		case "vide":
			if video == nil {
				video = t
			}
		case "soun":
			hasAudio = true
		}
	}
	return video, hasAudio
}

// describe fills in the report's video facts from the video track: codec,
// picture size as shown (after rotation), duration and frame rate.
func (t *isoTrack) describe(r *Report) {
	r.FourCC = t.fourCC
	r.Codec = codecName(t.fourCC)
	r.Rotation = rotationOf(t.matrix)
	r.Width, r.Height = int(math.Round(t.width)), int(math.Round(t.height))
	if r.Rotation == 90 || r.Rotation == 270 {
		r.Width, r.Height = r.Height, r.Width
	}
	if t.timescale > 0 {
		seconds := float64(t.duration) / float64(t.timescale)
		r.Duration = time.Duration(seconds * float64(time.Second))
		if seconds > 0 {
			r.FPS = float64(t.stts.samples) / seconds
		}
	}
	r.VariableFPS = t.stts.variable()
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

// codecName names a codec by its four-character code.
func codecName(fourCC string) string {
	switch fourCC {
	case "avc1", "avc3", "H264", "h264", "X264", "x264", "AVC1":
		return "H.264"
	case "hvc1", "hev1", "HEVC", "hevc", "H265", "h265", "HVC1", "HEV1":
		return "HEVC"
	case "FMP4", "fmp4", "XVID", "xvid", "DIVX", "divx", "DX50", "dx50", "mp4v", "MP4V":
		return "MPEG-4 Part 2"
	case "":
		return "unknown"
	}
	return fourCC
}
