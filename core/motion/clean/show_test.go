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
