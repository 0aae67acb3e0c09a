package newtake

import (
	"math"
	"testing"
)

func TestClipFieldsAcceptWhatTheAppDisplays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"65", 65, true},
		{"65.5", 65.5, true},
		{" 2,5 ", 2.5, true},
		{"30 s", 30, true},
		{"1:05", 65, true},
		{"1:05.5", 65.5, true},
		{"0:03.0", 3, true},
		{"0:00", 0, true},
		{"1:02:03", 3723, true},
		{"", 0, false},
		{"-1", 0, false},
		{"1:75", 0, false},
		{"1.5:05", 0, false},
		{"1:", 0, false},
		{":05", 0, false},
		{"1e3", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"one", 0, false},
		{"1:2:3:4", 0, false},
	} {
		got, ok := parseClipTime(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseClipTime(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestClipTimesAreWrittenAsTheyAreRead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0:00"}, {60, "1:00"}, {65.5, "1:05.5"}, {3, "0:03"}, {119.95, "2:00"}} {
		if got := formatClipTime(tc.in); got != tc.want {
			t.Errorf("formatClipTime(%v) = %q, want %q", tc.in, got, tc.want)
		}
		if back, ok := parseClipTime(formatClipTime(tc.in)); !ok || math.Abs(back-math.Round(tc.in*10)/10) > 1e-9 {
			t.Errorf("%v came back as %v, %v", tc.in, back, ok)
		}
	}
}

func FuzzParseClipTime(f *testing.F) {
	for _, s := range []string{"65", "1:05.5", "0:03.0", "1:02:03", "-1", "1e3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseClipTime(s)
		if ok && (v < 0 || math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("parseClipTime(%q) = %v", s, v)
		}
	})
}
