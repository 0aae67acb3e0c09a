package clean

import (
	"math"
	"testing"
)

// TestShowNeverWritesANegativeZero: a value that rounds to nothing is
// written without a sign, whatever its own sign.
func TestShowNeverWritesANegativeZero(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		prec   int
		plain  string
		signed string
	}{
		{-0.04, 1, "0.0", "0.0"},
		{math.Copysign(0, -1), 1, "0.0", "0.0"},
		{0.04, 1, "0.0", "0.0"},
		{-0.4, 0, "0", "0"},
		{-0.06, 1, "-0.1", "-0.1"},
		{7.25, 1, "7.3", "+7.3"},
		{-7.3, 1, "-7.3", "-7.3"},
		{3002.4, 0, "3002", "+3002"},
	} {
		if got := Show(tc.v, tc.prec); got != tc.plain {
			t.Errorf("Show(%v, %d) = %q, want %q", tc.v, tc.prec, got, tc.plain)
		}
		if got := ShowSigned(tc.v, tc.prec); got != tc.signed {
			t.Errorf("ShowSigned(%v, %d) = %q, want %q", tc.v, tc.prec, got, tc.signed)
		}
	}
}

// TestShowChange: a change is a signed whole percentage, never "-0 %".
func TestShowChange(t *testing.T) {
	for _, tc := range []struct {
		before, after float64
		want          string
	}{{38, 49, "+29 %"}, {3002, 280, "-91 %"}, {100, 100.2, "±0 %"}, {0, 5, "±0 %"}, {100, 99.7, "±0 %"}} {
		if got := ShowChange(tc.before, tc.after); got != tc.want {
			t.Errorf("ShowChange(%v, %v) = %q, want %q", tc.before, tc.after, got, tc.want)
		}
	}
}
