package media

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// want is the exact report expected for a fixture: facts, then each
// finding as "severity: message".
type want struct {
	container, codec string
	width, height    int
	rotation         int
	fps              string
	variable, audio  bool
	duration         time.Duration
	findings         []string
}

const lowRes = "warning: “%s” is smaller than 720p (%s): the motion will be less precise than from an HD video."

func TestProbeReportsEachFixtureExactly(t *testing.T) {
	for file, w := range map[string]want{
		"h264.mp4": {"MP4", "H.264", 480, 320, 0, "30", false, true, 3 * time.Second, []string{
			fmt.Sprintf(lowRes, "h264.mp4", "480×320"),
			"info: 0:03.0 · 480×320 · 30 fps · H.264 · MP4 · 19.3 kB · with sound"}},
		"hevc.mp4": {"MP4", "HEVC", 480, 320, 0, "30", false, false, 3 * time.Second, []string{
			fmt.Sprintf(lowRes, "hevc.mp4", "480×320"),
			"info: 0:03.0 · 480×320 · 30 fps · HEVC · MP4 · 7.5 kB"}},
		"rotated.mov": {"MOV", "H.264", 320, 480, 90, "30", false, false, 3 * time.Second, []string{
			fmt.Sprintf(lowRes, "rotated.mov", "320×480"),
			"info: “rotated.mov” is portrait (320×480). That is fine.",
			"info: 0:03.0 · 320×480 · 30 fps · H.264 · MOV · 4.2 kB"}},
		"moov-at-end.mp4": {"MP4", "H.264", 480, 320, 0, "30", false, false, 3 * time.Second, []string{
			fmt.Sprintf(lowRes, "moov-at-end.mp4", "480×320"),
			"info: 0:03.0 · 480×320 · 30 fps · H.264 · MP4 · 4.3 kB"}},
		"vfr.mp4": {"MP4", "H.264", 480, 320, 0, "45.25", true, false, 2983333333, []string{
			fmt.Sprintf(lowRes, "vfr.mp4", "480×320"),
			"warning: “vfr.mp4” has a variable frame rate (average 45.25 fps). Move usually copes; if the result stutters, export it at a fixed rate.",
			"info: 0:03.0 · 480×320 · 45.25 fps · H.264 · MP4 · 5.6 kB"}},
		"short-1s.mp4": {"MP4", "H.264", 480, 320, 0, "30", false, false, time.Second, []string{
			"limit: “short-1s.mp4” is 0:01.0 long; Move needs at least 2 seconds.",
			fmt.Sprintf(lowRes, "short-1s.mp4", "480×320"),
			"info: 0:01.0 · 480×320 · 30 fps · H.264 · MP4 · 2.5 kB"}},
		"long-70s.mp4": {"MP4", "H.264", 320, 320, 0, "24", false, false, 70 * time.Second, []string{
			"limit: “long-70s.mp4” is 1:10.0 long; Move takes up to 60 seconds. Choose a clip window of up to a minute.",
			fmt.Sprintf(lowRes, "long-70s.mp4", "320×320"),
			"info: 1:10.0 · 320×320 · 24 fps · H.264 · MP4 · 47.4 kB"}},
		"small-240.mp4": {"MP4", "H.264", 240, 240, 0, "30", false, false, 3 * time.Second, []string{
			"limit: “small-240.mp4” is 240×240 pixels; Move takes 300 to 4096 pixels on each side.",
			fmt.Sprintf(lowRes, "small-240.mp4", "240×240"),
			"info: 0:03.0 · 240×240 · 30 fps · H.264 · MP4 · 4.1 kB"}},
		"fps15.mp4": {"MP4", "H.264", 480, 320, 0, "15", false, false, 3 * time.Second, []string{
			"limit: “fps15.mp4” runs at 15 fps; Move takes 24 to 120 fps.",
			fmt.Sprintf(lowRes, "fps15.mp4", "480×320"),
			"info: 0:03.0 · 480×320 · 15 fps · H.264 · MP4 · 2.9 kB"}},
		"clip.avi": {"AVI", "H.264", 480, 320, 0, "30", false, false, 3 * time.Second, []string{
			"warning: “clip.avi” is an AVI file: Move's documents only promise MP4 and MOV. Export it as MP4 if the job fails.",
			fmt.Sprintf(lowRes, "clip.avi", "480×320"),
			"info: 0:03.0 · 480×320 · 30 fps · H.264 · AVI · 10.3 kB"}},
		"audio-only.mp4": {"MP4", "", 0, 0, 0, "0", false, true, 0, []string{
			"refused: “audio-only.mp4” has no video in it (only sound?). Choose the video file itself."}},
		"truncated.mp4": {"MP4", "", 0, 0, 0, "0", false, false, 0, []string{
			"refused: “truncated.mp4” is cut short: it may not have finished copying. Copy it again from the camera."}},
		"notes.mp4": {"", "", 0, 0, 0, "0", false, false, 0, []string{
			"refused: “notes.mp4” is not a video Singlecam can read. Export it from your camera or editor as MP4 or MOV."}},
	} {
		r, err := Probe(filepath.Join("testdata", file), Options{})
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		got := want{r.Container, r.Codec, r.Width, r.Height, r.Rotation, fps(r.FPS), r.VariableFPS, r.HasAudio,
			r.Duration.Round(time.Millisecond), findingLines(r)}
		w.duration = w.duration.Round(time.Millisecond)
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s:\n got %v\nwant %v", file, got, w)
		}
	}
}

func findingLines(r *Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Severity.String()+": "+f.Message)
	}
	return out
}

func TestRefusedAndOverrides(t *testing.T) {
	for _, tc := range []struct {
		file    string
		opts    Options
		refused bool
		says    string
	}{
		{"h264.mp4", Options{}, false, ""},
		{"short-1s.mp4", Options{}, true, "at least 2 seconds"},
		{"short-1s.mp4", Options{IgnoreLimits: true}, false, "(Sent anyway: documented limits are ignored.)"},
		{"notes.mp4", Options{IgnoreLimits: true}, true, "not a video"},
		{"long-70s.mp4", Options{Clip: &Window{Start: 5, End: 35}}, false, "only the clip window (5 s to 35 s) will be processed"},
		{"long-70s.mp4", Options{Clip: &Window{Start: 0, End: 65}}, true, "The clip window is 65 s long"},
		{"long-70s.mp4", Options{Clip: &Window{Start: 60, End: 75}}, true, "ends at 75 s but “long-70s.mp4” is only 1:10.0 long"},
		{"h264.mp4", Options{Clip: &Window{Start: 2, End: 1}}, true, "end after it starts"},
		{"h264.mp4", Options{Clip: &Window{Start: math.NaN(), End: math.NaN()}}, true, "end after it starts"},
		{"long-70s.mp4", Options{Clip: &Window{Start: 1, End: math.NaN()}}, true, "end after it starts"},
	} {
		r, err := Probe(filepath.Join("testdata", tc.file), tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if r.Refused() != tc.refused || !strings.Contains(strings.Join(findingLines(r), "\n"), tc.says) {
			t.Errorf("%s %+v: refused %v, findings %q", tc.file, tc.opts, r.Refused(), findingLines(r))
		}
	}
}

func TestEmptyAndMissingFiles(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.mp4")
	os.WriteFile(empty, nil, 0o644)
	r, err := Probe(empty, Options{})
	if err != nil || !r.Refused() || !strings.Contains(r.Findings[0].Message, "is empty") {
		t.Errorf("empty: %v %+v", err, r)
	}
	if _, err := Probe(filepath.Join(t.TempDir(), "gone.mp4"), Options{}); !os.IsNotExist(err) {
		t.Errorf("missing: %v", err)
	}
}

func TestRotationOfEveryQuarterTurn(t *testing.T) {
	const one = 65536
	for want, m := range map[int][9]int32{
		0:   {one, 0, 0, 0, one, 0, 0, 0, 1 << 30},
		90:  {0, one, 0, -one, 0, 0, 0, 0, 1 << 30},
		180: {-one, 0, 0, 0, -one, 0, 0, 0, 1 << 30},
		270: {0, -one, 0, one, 0, 0, 0, 0, 1 << 30},
	} {
		if got := rotationOf(m); got != want {
			t.Errorf("rotationOf(%v) = %d, want %d", m, got, want)
		}
	}
}

// A RIFF chunk of odd size whose padding byte is missing (the file ends
// right after it) once made the AVI reader slice past the end and panic.
func TestAVIWithOddLastChunkIsRefusedNotPanicking(t *testing.T) {
	r, err := Probe(filepath.Join("testdata", "odd-chunk.avi"), Options{})
	if err == nil && !r.Refused() {
		t.Fatalf("a 33-byte AVI without a video stream was accepted: %+v", r)
	}
}

func TestReasonNeverSaysNil(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "open", Path: "/x/y.mp4", Err: os.ErrPermission}, "permission denied"},
		{errors.New("read beyond the end"), "read beyond the end"},
		{fmt.Errorf("probe: %w", &os.PathError{Op: "probe", Path: "/x", Err: ErrFolder}), ErrFolder.Error()},
	} {
		if got := Reason(tc.err); got != tc.want {
			t.Errorf("Reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

// Issue 23, item 8: an AVI in MPEG-4 Part 2 (ffmpeg's "mpeg4", FourCC
// FMP4) gets one finding that says what to do, not a red line to export it
// as H.264 beside an orange one to export it as MP4 if the job fails.
func TestAnMPEG4AVIIsToldOnce(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "clip.avi"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mpeg4.avi")
	if err := os.WriteFile(path, bytes.ReplaceAll(data, []byte("H264"), []byte("FMP4")), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Probe(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var about []string
	for _, f := range r.Findings {
		if f.Severity >= Warning && !strings.Contains(f.Message, "720p") {
			about = append(about, f.Severity.String()+": "+f.Message)
		}
	}
	want := "limit: “mpeg4.avi” is an AVI file encoded as MPEG-4 Part 2; Move takes H.264 or HEVC (H.265), in MP4 or MOV. Export it again as an H.264 MP4."
	if len(about) != 1 || about[0] != want {
		t.Errorf("findings:\n%s\nwant one:\n%s", strings.Join(about, "\n"), want)
	}
}
