package jobs

import (
	"strings"
	"testing"

	"singlecam/core/price"
)

// A job's estimate names its seconds in full, so no wrap leaves a line
// beginning with the unit ("s, on Move's published rates").
func TestTheEstimateSaysSecondsInFull(t *testing.T) {
	for _, c := range []struct {
		seconds float64
		want    string
	}{{3, " for 3 seconds, on "}, {1, " for 1 second, on "}, {2.54, " for 2.5 seconds, on "}} {
		got := jobPriceDetail(&price.Estimate{Seconds: c.seconds, S1Cents: 4, S2Cents: 7, AsOf: "2026-11"})
		if !strings.Contains(got, c.want) {
			t.Errorf("%v s: %q", c.seconds, got)
		}
	}
}
