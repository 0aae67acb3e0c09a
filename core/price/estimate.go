package price

import (
	"fmt"
	"math"

	"singlecam/core/media"
)

// Video is what a job's price depends on.
type Video struct {
	Width, Height int     // as displayed; the long edge sets the tier
	FPS           float64 // frames per second (the average, for variable rates)
	Seconds       float64 // the whole video's duration
}

// FromReport takes a probe report's facts.
func FromReport(r *media.Report) Video {
	return Video{Width: r.Width, Height: r.Height, FPS: r.FPS, Seconds: r.Duration.Seconds()}
}

// LongEdge is the larger side: the height of a portrait video.
func (v Video) LongEdge() int { return max(v.Width, v.Height) }

// Estimate is one job's estimated price. Model is "S1" or "S2", or empty
// for Move's choice, whose model is not known before the job runs: then
// both prices stand and the estimate is a range.
type Estimate struct {
	Seconds float64 `json:"seconds"` // billed: the clip window, else the whole video
	Model   string  `json:"model,omitempty"`
	S1Cents int64   `json:"s1Cents"`
	S2Cents int64   `json:"s2Cents"`
	AsOf    string  `json:"asOf"` // the rates' date
}

// BilledSeconds is the clip window's length when there is one (within the
// video), else the whole video: Move's pages do not say whether a clip
// window shortens the bill, and this estimate assumes it does.
func BilledSeconds(v Video, clip *media.Window) float64 {
	if clip == nil {
		return v.Seconds
	}
	start, end := max(clip.Start, 0), clip.End
	if v.Seconds > 0 {
		end = min(end, v.Seconds)
	}
	return max(end-start, 0)
}

// Of estimates one job on r's rates. model is "S1", "S2", or "" for Move's
// choice.
func (r Rates) Of(v Video, clip *media.Window, model string) Estimate {
	if _, ok := r.PerSecond[model]; !ok {
		model = ""
	}
	e := Estimate{Seconds: BilledSeconds(v, clip), Model: model, AsOf: r.AsOf}
	fps := v.FPS
	if fps <= 0 {
		fps = r.FPSBase // unknown: the base rate, rather than a nonsense price
	}
	perSecond := r.ResolutionMultiplier(v.LongEdge()) * r.FPSMultiplier(fps) * e.Seconds
	e.S1Cents = cents(r.PerSecond["S1"] * perSecond)
	e.S2Cents = cents(r.PerSecond["S2"] * perSecond)
	return e
}

// Of estimates one job on the published rates.
func Of(v Video, clip *media.Window, model string) Estimate { return Published.Of(v, clip, model) }

// cents rounds dollars to the nearest cent, as Move's examples do; the tiny
// nudge keeps 0.145 (stored as 0.14499…) from rounding down.
func cents(usd float64) int64 { return int64(math.Round(usd*100 + 1e-9)) }

// Cents is the price of one model, in cents.
func (e Estimate) Cents(model string) int64 {
	if model == "S2" {
		return e.S2Cents
	}
	return e.S1Cents
}

// Low and High bound the estimate in cents: equal when the model is known.
func (e Estimate) Low() int64 {
	if e.Model != "" {
		return e.Cents(e.Model)
	}
	return min(e.S1Cents, e.S2Cents)
}

// High is the estimate's upper bound in cents.
func (e Estimate) High() int64 {
	if e.Model != "" {
		return e.Cents(e.Model)
	}
	return max(e.S1Cents, e.S2Cents)
}

// String is the amount as shown: "$0.06", or "$0.04–$0.07" for Move's
// choice.
func (e Estimate) String() string { return Range(e.Low(), e.High()) }

// Total adds up estimates: a batch, or a month's jobs.
type Total struct {
	Jobs      int
	Low, High int64 // cents
}

// Add counts one more job.
func (t *Total) Add(e Estimate) {
	t.Jobs++
	t.Low += e.Low()
	t.High += e.High()
}

// String is the total as shown: "$0.41" or "$0.12–$0.21".
func (t Total) String() string { return Range(t.Low, t.High) }

// Range shows an amount in cents, or a range of two: "$0.06",
// "$0.04–$0.07".
func Range(low, high int64) string {
	if low == high {
		return Dollars(low)
	}
	return Dollars(low) + "–" + Dollars(high)
}

// Dollars shows cents as dollars: "$0.41", "$12.30".
func Dollars(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s$%d.%02d", sign, cents/100, cents%100)
}

// USD is cents as a dollar amount rounded to the cent, for JSON.
func USD(cents int64) float64 { return float64(cents) / 100 }

// Assumption says what every shown price assumes, with the rates' date.
func (r Rates) Assumption() string {
	return fmt.Sprintf("An estimate from Move's published standard rates (%s), assuming Move bills the clip window when one is set, else the whole video.", r.AsOf)
}
