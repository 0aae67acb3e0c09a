module app.singlecam/earlyenv

go 1.26
