package media

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"singlecam/core/words"
)

// judge adds the findings for a readable video: what breaks Move's
// documented limits (refused unless the user overrides), what is worth a
// warning, and a summary.
func judge(r *Report, opts Options) {
	l := DocumentedLimits
	name := words.QuoteFile(r.Path)
	limit := func(format string, args ...any) {
		if opts.IgnoreLimits {
			r.add(Warning, format+" (Sent anyway: documented limits are ignored.)", args...)
		} else {
			r.add(Limit, format, args...)
		}
	}
	seconds := r.Duration.Seconds()

	if r.Size > MaxSinglePut {
		r.add(Refusal, "%s is %s; one upload can carry at most 5 GiB. Trim it or export it at a lower bitrate.", name, HumanSize(r.Size))
	} else if r.Size > l.MaxBytes {
		limit("%s is %s; Move takes videos up to %s. Trim it or export it at a lower bitrate.", name, HumanSize(r.Size), HumanSize(l.MaxBytes))
	}
	if r.Width < l.MinSide || r.Height < l.MinSide || r.Width > l.MaxSide || r.Height > l.MaxSide {
		limit("%s is %d×%d pixels; Move takes %d to %d pixels on each side.", name, r.Width, r.Height, l.MinSide, l.MaxSide)
	}
	if r.FPS > 0 && (r.FPS < l.MinFPS-0.01 || r.FPS > l.MaxFPS+0.01) {
		limit("%s runs at %s fps; Move takes %g to %g fps.", name, fps(r.FPS), l.MinFPS, l.MaxFPS)
	}
	codecOK := slices.Contains(l.Codecs, strings.Replace(r.Codec, "HEVC", "H.265", 1))
	switch {
	case !codecOK && r.Container == "AVI":
		// One finding that says what to do, not a red "export it as H.264"
		// beside an orange "export it as MP4 if the job fails" (issue 23).
		limit("%s is an AVI file encoded as %s; Move takes H.264 or HEVC (H.265), in MP4 or MOV. Export it again as an H.264 MP4.", name, r.Codec)
	case !codecOK:
		limit("%s is encoded as %s; Move takes H.264 or HEVC (H.265). Export it again as one of those.", name, r.Codec)
	}
	switch {
	case r.Container == "AVI" && !codecOK: // said above
	case r.Container == "AVI":
		r.add(Warning, "%s is an AVI file: Move's documents only promise MP4 and MOV. Export it as MP4 if the job fails.", name)
	case !slices.Contains(l.Containers, r.Container):
		limit("%s is a %s file; Move takes MP4 or MOV.", name, r.Container)
	}
	judgeDuration(r, opts, limit, seconds)
	if min(r.Width, r.Height) > 0 && min(r.Width, r.Height) < 720 {
		r.add(Warning, "%s is smaller than 720p (%d×%d): the motion will be less precise than from an HD video.", name, r.Width, r.Height)
	}
	if r.VariableFPS {
		r.add(Warning, "%s has a variable frame rate (average %s fps). Move usually copes; if the result stutters, export it at a fixed rate.", name, fps(r.FPS))
	}
	if r.Height > r.Width {
		r.add(Info, "%s is portrait (%d×%d). That is fine.", name, r.Width, r.Height)
	}
	r.add(Info, "%s", Summary(r))
}

func judgeDuration(r *Report, opts Options, limit func(string, ...any), seconds float64) {
	l := DocumentedLimits
	name := words.QuoteFile(r.Path)
	if w := opts.Clip; w != nil {
		from := len(r.Findings)
		defer func() { // every finding of this block is about the clip window
			for i := from; i < len(r.Findings); i++ {
				r.Findings[i].Field = FieldClip
			}
		}()
		length := w.End - w.Start
		switch {
		case !(w.Start >= 0 && length > 0): // NaN fails this too
			r.add(Refusal, "The clip window must start at 0 s or later and end after it starts (it is %g s to %g s).", w.Start, w.End)
		case w.End > seconds+0.05:
			r.add(Refusal, "The clip window ends at %g s but %s is only %s long.", w.End, name, clock(r.Duration))
		case length < l.MinSeconds || length > l.MaxSeconds:
			limit("The clip window is %g s long; Move takes %g to %g seconds.", length, l.MinSeconds, l.MaxSeconds)
		case seconds > l.MaxSeconds:
			r.add(Warning, "%s is %s long; only the clip window (%g s to %g s) will be processed.", name, clock(r.Duration), w.Start, w.End)
		}
		return
	}
	switch {
	case seconds < l.MinSeconds:
		limit("%s is %s long; Move needs at least %g seconds.", name, clock(r.Duration), l.MinSeconds)
	case seconds > l.MaxSeconds:
		limit("%s is %s long; Move takes up to %g seconds. Choose a clip window of up to a minute.", name, clock(r.Duration), l.MaxSeconds)
	}
}

// Summary is the one-line description of a video, of what could be read
// of it: "0:03.0 · 480×320 · 30 fps · H.264 · MP4 · 19.3 kB · with sound";
// a file without a readable picture gives only what is known, like
// "0:05.0 · MP4 · 13.6 kB · with sound", never "0×0" or "0 fps".
func Summary(r *Report) string {
	var parts []string
	if r.Duration > 0 {
		parts = append(parts, clock(r.Duration))
	}
	if r.Width > 0 && r.Height > 0 {
		parts = append(parts, fmt.Sprintf("%d×%d", r.Width, r.Height))
	}
	if r.FPS > 0 {
		parts = append(parts, fps(r.FPS)+" fps")
	}
	for _, s := range []string{r.Codec, r.Container} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if r.Size > 0 {
		parts = append(parts, HumanSize(r.Size))
	}
	if r.HasAudio {
		parts = append(parts, "with sound")
	}
	return strings.Join(parts, " · ")
}

func fps(v float64) string {
	if v == float64(int(v)) {
		return fmt.Sprintf("%d", int(v))
	}
	return fmt.Sprintf("%.2f", v)
}

// clock writes a duration as 0:03.0 or 1:10.0.
func clock(d time.Duration) string {
	total := d.Seconds()
	minutes := int(total) / 60
	return fmt.Sprintf("%d:%04.1f", minutes, total-float64(minutes*60))
}

// HumanSize writes a size as file managers do: 812 MB, 3.9 GB, 19.3 kB,
// 999 bytes. go-humanize finds the SI prefix; the wording is the app's own
// (one decimal below 100, "bytes" spelled out), where humanize.Bytes would
// write "19 kB" and "999 B": the probe's lines, the progress and the golden
// renders read this way.
func HumanSize(n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d bytes", n)
	}
	value, prefix := humanize.ComputeSI(float64(n))
	if value >= 100 {
		return fmt.Sprintf("%.0f %sB", value, prefix)
	}
	return fmt.Sprintf("%.1f %sB", value, prefix)
}
