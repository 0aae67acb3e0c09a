package price

import (
	"testing"
	"time"

	"singlecam/core/media"
)

func TestEstimates(t *testing.T) {
	hd := func(fps, seconds float64) Video { return Video{Width: 1920, Height: 1080, FPS: fps, Seconds: seconds} }
	for _, tc := range []struct {
		name   string
		video  Video
		clip   *media.Window
		model  string
		s1, s2 int64 // cents
	}{
		// The three worked examples of Move's "Pricing" page.
		{"docs: S1, 1080p, 30 fps, 5 s = $0.060", hd(30, 5), nil, "S1", 6, 12},
		{"docs: S2, 4K, 60 fps, 5 s = $0.210", Video{3840, 2160, 60, 5}, nil, "S2", 10, 21},
		{"docs: S1, 1440p, 90 fps, 10 s = $0.249", Video{2560, 1440, 90, 10}, nil, "S1", 25, 50},
		// The frame-rate formula.
		{"24 fps ×0.92", hd(24, 10), nil, "", 11, 22},
		{"30 fps ×1.00", hd(30, 10), nil, "", 12, 24},
		{"60 fps ×1.40", hd(60, 10), nil, "", 17, 34},
		{"120 fps ×2.20", hd(120, 10), nil, "", 26, 53},
		// The resolution tiers' edges, at 100 s so a tier shows in cents.
		{"1920 px ×1.00", Video{1920, 1080, 30, 100}, nil, "", 120, 240},
		{"1921 px ×1.15", Video{1921, 1080, 30, 100}, nil, "", 138, 276},
		{"2560 px ×1.15", Video{2560, 1440, 30, 100}, nil, "", 138, 276},
		{"2561 px ×1.25", Video{2561, 1440, 30, 100}, nil, "", 150, 300},
		// Portrait: the long edge is the height.
		{"portrait 1080×1920 ×1.00", Video{1080, 1920, 30, 100}, nil, "", 120, 240},
		{"portrait 1080×1921 ×1.15", Video{1080, 1921, 30, 100}, nil, "", 138, 276},
		{"portrait 1440×2561 ×1.25", Video{1440, 2561, 30, 100}, nil, "", 150, 300},
		// The clip window is what is billed, within the video.
		{"clip 10–20 s of 60 s", hd(30, 60), &media.Window{Start: 10, End: 20}, "S1", 12, 24},
		{"clip past the end", hd(30, 15), &media.Window{Start: 10, End: 20}, "S1", 6, 12},
		{"whole 60 s", hd(30, 60), nil, "S1", 72, 144},
		// The test fixture: 3 s, 480×320, 30 fps.
		{"small video, Move's choice", Video{480, 320, 30, 3}, nil, "", 4, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := Of(tc.video, tc.clip, tc.model)
			if e.S1Cents != tc.s1 || e.S2Cents != tc.s2 {
				t.Errorf("S1 %d¢, S2 %d¢; want %d¢, %d¢", e.S1Cents, e.S2Cents, tc.s1, tc.s2)
			}
			if e.AsOf != Published.AsOf {
				t.Errorf("as of %q", e.AsOf)
			}
		})
	}
}

func TestTheMultipliersMatchThePagesRoundedFigures(t *testing.T) {
	for fps, want := range map[float64]float64{24: 0.92, 30: 1, 60: 1.40, 120: 2.20} {
		if got := Published.FPSMultiplier(fps); got < want-0.005 || got > want+0.005 {
			t.Errorf("%g fps: ×%.4f, the page says ×%.2f", fps, got, want)
		}
	}
}

func TestShownAmounts(t *testing.T) {
	small := Video{480, 320, 30, 3}
	for _, tc := range []struct {
		model, want string
	}{{"", "$0.04–$0.07"}, {"S1", "$0.04"}, {"S2", "$0.07"}, {"M1", "$0.04–$0.07"}} {
		if got := Of(small, nil, tc.model).String(); got != tc.want {
			t.Errorf("model %q: %q, want %q", tc.model, got, tc.want)
		}
	}
	var batch Total
	for range 3 {
		batch.Add(Of(Video{1920, 1080, 60, 10}, nil, "S2"))
	}
	if batch.String() != "$1.02" || batch.Jobs != 3 {
		t.Errorf("batch %q of %d", batch, batch.Jobs)
	}
	for cents, want := range map[int64]string{0: "$0.00", 5: "$0.05", 41: "$0.41", 1230: "$12.30", -7: "-$0.07"} {
		if got := Dollars(cents); got != want {
			t.Errorf("Dollars(%d) = %q, want %q", cents, got, want)
		}
	}
}

func TestFromReportUsesTheDisplayedSize(t *testing.T) {
	r := &media.Report{Width: 1080, Height: 1920, Rotation: 90, FPS: 60, Duration: 8 * time.Second}
	v := FromReport(r)
	if v.LongEdge() != 1920 || v.Seconds != 8 || v.FPS != 60 {
		t.Errorf("%+v", v)
	}
}
