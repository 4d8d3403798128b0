# Golden values for src/lib/models/calendar-regression.ts, from R's lm() (R 4.2.2, stats):
#   z = sales / (the series' mean sales over the 365 days up to the cutoff),
#   lm(log z ~ trend + weekday + month) over every series' rows in the 4 × 365 days up to the cutoff with sales > 0,
#   forecast = exp(fit + sigma^2 / 2) * scale, P10/P90 = exp(fit -/+ qnorm(0.9) * sigma) * scale.
# Run from the repository root:  Rscript tests/tools/calendar-regression-golden.R
# Writes tests/fixtures/models/calendar-regression-golden.json.
suppressPackageStartupMessages(library(jsonlite))
datasets <- Sys.getenv("FORECAST_LAB_DATASETS", "datasets")
s <- read.csv(file.path(datasets, "store-item-demand-10-series.csv"))
s$date <- as.Date(s$date)
H <- 28
cut <- max(s$date) - H
tr <- s[s$date <= cut & s$date > cut - 4 * 365, ]
recent <- tr[tr$date > cut - 365, ]
scale <- tapply(recent$sales, recent$series_id, mean)
# Weekday 0 = Monday as the app counts; the first level is the baseline in both.
features <- function(d) {
  d$dow <- factor((as.integer(format(d$date, "%u")) - 1), levels = 0:6)
  d$mon <- factor(as.integer(format(d$date, "%m")), levels = 1:12)
  d$t <- as.numeric(d$date - cut) / 365.25
  d$z <- d$sales / scale[d$series_id]
  d
}
tr <- features(tr[tr$sales > 0, ])
fit <- lm(log(z) ~ t + dow + mon, data = tr)
sigma <- sqrt(sum(resid(fit)^2) / fit$df.residual)
te <- features(s[s$date > cut & s$date <= cut + H, ])
mu <- predict(fit, te)
out <- list(
  source = "tests/tools/calendar-regression-golden.R (R lm)",
  file = "store-item-demand-10-series.csv",
  cutoff = format(cut), horizon = H, sigma = sigma,
  coefficients = as.list(coef(fit)),
  rows = data.frame(series = te$series_id, date = format(te$date),
                    p50 = exp(mu + sigma^2 / 2) * scale[te$series_id],
                    p10 = exp(mu - qnorm(0.9) * sigma) * scale[te$series_id],
                    p90 = exp(mu + qnorm(0.9) * sigma) * scale[te$series_id])
)
write_json(out, "tests/fixtures/models/calendar-regression-golden.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)
