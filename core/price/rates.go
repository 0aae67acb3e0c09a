// Package price estimates what Move bills for a single-camera job, from
// Move's published standard rates. Move's API says nothing about money (no
// price, no credit, no balance), so every amount here is the client's own
// estimate: the rates are kept in one dated table, and one edit of it
// updates every place a price is shown.
package price

// Rates are Move's published standard rates for single-camera jobs, in US
// dollars. Final price = base per second × resolution multiplier × frame
// rate multiplier × billed seconds.
type Rates struct {
	// AsOf is when the numbers were read from Move's "Pricing" page.
	AsOf string
	// PerSecond is the base price of one second of processed video, by
	// model ("S1", "S2").
	PerSecond map[string]float64
	// Tiers are the resolution multipliers by the video's long edge, in
	// increasing order: the first tier whose MaxLongEdge is at least the
	// long edge applies; MaxLongEdge 0 means no upper bound.
	Tiers []Tier
	// FPSBase and FPSSlope give the frame-rate multiplier:
	// 1 + (fps − FPSBase) × FPSSlope.
	FPSBase, FPSSlope float64
}

// Tier is one resolution band.
type Tier struct {
	MaxLongEdge int     // pixels, inclusive; 0: no upper bound
	Multiplier  float64 // applied to the base price
}

// Models are the single-camera models that have a price, in the order
// they are shown.
var Models = []string{"S1", "S2"}

// Published is Move's "Pricing" page (standard rates, USD) as of its date.
// The page's own worked examples, which the tests check to the cent:
// S1, 1080p, 30 fps, 5 s = $0.06; S2, 4K, 60 fps, 5 s = $0.21;
// S1, 1440p, 90 fps, 10 s = $0.25 (the page prints $0.249).
var Published = Rates{
	AsOf:      "2026-11",
	PerSecond: map[string]float64{"S1": 0.012, "S2": 0.024},
	Tiers: []Tier{
		{MaxLongEdge: 1920, Multiplier: 1.00},
		{MaxLongEdge: 2560, Multiplier: 1.15},
		{MaxLongEdge: 0, Multiplier: 1.25},
	},
	FPSBase:  30,
	FPSSlope: 0.0133,
}

// ResolutionMultiplier is the tier's multiplier for a long edge in pixels.
func (r Rates) ResolutionMultiplier(longEdge int) float64 {
	for _, t := range r.Tiers {
		if t.MaxLongEdge == 0 || longEdge <= t.MaxLongEdge {
			return t.Multiplier
		}
	}
	return r.Tiers[len(r.Tiers)-1].Multiplier
}

// FPSMultiplier is the frame-rate multiplier for a frame rate.
func (r Rates) FPSMultiplier(fps float64) float64 {
	return 1 + (fps-r.FPSBase)*r.FPSSlope
}
