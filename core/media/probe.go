package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"singlecam/core/guard"
	"singlecam/core/words"
)

// Report is what the probe learnt about a video, read from its headers and
// index alone: no frame is decoded and the media data is never read.
type Report struct {
	Path      string
	Size      int64
	Container string // "MP4", "MOV" or "AVI"; empty when not a video we can read
	Codec     string // "H.264", "HEVC", or the four-character code
	FourCC    string // the sample entry's or stream's four-character code
	// Width and Height are as displayed: the track's rotation applied.
	Width, Height int
	Rotation      int // degrees clockwise: 0, 90, 180 or 270
	FPS           float64
	VariableFPS   bool
	Duration      time.Duration
	HasAudio      bool
	Findings      []Finding
}

// Severity grades a finding.
type Severity int

const (
	Info    Severity = iota
	Warning          // worth knowing; the video is sent
	Limit            // outside Move's documented limits: refused unless the user overrides
	Refusal          // cannot work: always refused
)

func (s Severity) String() string {
	return [...]string{"info", "warning", "limit", "refused"}[s]
}

// Finding is one thing the user should know, in a sentence that says what
// to do.
type Finding struct {
	Severity Severity
	Message  string
	// Field is what the finding is about when it is not the video itself:
	// FieldClip for the clip window. A front end shows it at that field.
	Field string
}

// FieldClip is Finding.Field for a finding about the clip window.
const FieldClip = "clip"

// Window is a part of the video, in seconds.
type Window struct{ Start, End float64 }

// Options change what the probe judges.
type Options struct {
	Clip         *Window // the part of the video the job will use
	IgnoreLimits bool    // documented limits become warnings
}

// Refused reports whether the video would be refused: a refusal, or a limit
// finding (the caller's IgnoreLimits has already turned those into warnings).
func (r *Report) Refused() bool {
	for _, f := range r.Findings {
		if f.Severity >= Limit {
			return true
		}
	}
	return false
}

// errNotVideo, errTruncated and errNoVideoTrack are how the parsers say a
// file cannot be used; Probe turns them into refusals.
var (
	errNotVideo     = errors.New("not a video")
	errTruncated    = errors.New("truncated")
	errNoVideoTrack = errors.New("no video track")
)

// ErrFolder: the path given as a video is a folder.
var ErrFolder = errors.New("it is a folder, not a video")

// Reason is why a file could not be opened or read, without the path that
// an *fs.PathError repeats (the caller's sentence names the file already):
// "permission denied", "it is a folder, not a video".
func Reason(err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err.Error()
	}
	return err.Error()
}

// Probe reads a video's headers and judges it against Move's documented
// limits. The error is for a file that cannot be opened or read at all; a
// file that opens but is not a usable video gives a Report with a refusal.
func Probe(path string, opts Options) (_ *Report, err error) {
	defer guard.Recover(&err, "probe "+filepath.Base(path))
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, &fs.PathError{Op: "probe", Path: path, Err: ErrFolder}
	}
	f, err := guard.Open(path) // a named pipe would block for ever
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "probe", Path: path, Err: ErrFolder}
	}
	return probeReader(f, path, info.Size(), opts)
}

// probeReader probes an opened file of the given size.
func probeReader(f io.ReadSeeker, path string, size int64, opts Options) (*Report, error) {
	r := &Report{Path: path, Size: size}
	if r.Size == 0 {
		r.add(Refusal, "%s is empty.", words.QuoteFile(path))
		return r, nil
	}
	var head [12]byte
	n, err := io.ReadFull(f, head[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	switch {
	case n == 12 && bytes.Equal(head[0:4], []byte("RIFF")) && bytes.Equal(head[8:12], []byte("AVI ")):
		err = probeAVI(f, r)
	case n >= 8 && isISOBox(head[4:8]):
		err = probeISO(f, r)
	default:
		err = errNotVideo
	}
	switch {
	case errors.Is(err, errNotVideo):
		r.Container = ""
		r.add(Refusal, "%s is not a video Singlecam can read. Export it from your camera or editor as MP4 or MOV.", words.QuoteFile(path))
	case errors.Is(err, errTruncated):
		r.add(Refusal, "%s is cut short: it may not have finished copying. Copy it again from the camera.", words.QuoteFile(path))
	case errors.Is(err, errNoVideoTrack):
		r.add(Refusal, "%s has no video in it (only sound?). Choose the video file itself.", words.QuoteFile(path))
	case err != nil:
		return nil, err
	default:
		judge(r, opts)
	}
	return r, nil
}

func (r *Report) add(s Severity, format string, args ...any) {
	r.Findings = append(r.Findings, Finding{Severity: s, Message: fmt.Sprintf(format, args...)})
}
