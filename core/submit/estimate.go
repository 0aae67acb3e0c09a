package submit

import (
	"fmt"

	"singlecam/core/media"
	"singlecam/core/price"
)

// EstimateOf reads the request's video headers (never its frames) and
// estimates what Move bills for the job, on its published rates: the clip
// window's seconds when there is one, else the whole video's, and both
// models' prices when the request leaves the model to Move.
func EstimateOf(req Request) (price.Estimate, error) {
	report, err := media.Probe(req.VideoPath, media.Options{})
	if err != nil {
		return price.Estimate{}, fmt.Errorf("estimate: %w", err)
	}
	if report.Container == "" || report.Duration <= 0 {
		return price.Estimate{}, fmt.Errorf("estimate %s: not a video Singlecam can read", req.VideoPath)
	}
	return PriceOf(price.FromReport(report), req), nil
}

// PriceOf estimates the request's job for a video whose facts are known:
// for a front end that has read them already.
func PriceOf(v price.Video, req Request) price.Estimate {
	return price.Of(v, clipOf(req), modelOf(req))
}

// clipOf is the request's clip window as the probe and the price take it.
func clipOf(req Request) *media.Window {
	if req.ClipWindow == nil {
		return nil
	}
	return &media.Window{Start: req.ClipWindow.Start, End: req.ClipWindow.End}
}

// modelOf is the model asked for, or "" for Move's choice.
func modelOf(req Request) string {
	if req.Options == nil {
		return ""
	}
	return string(req.Options.MocapModel)
}
