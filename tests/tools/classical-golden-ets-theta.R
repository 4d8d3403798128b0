# Golden values for src/lib/models/classical/ets.ts and theta.ts, from R's forecast package.
#
#   Rscript tests/tools/classical-golden-ets-theta.R [datasets-dir]     (from the repository root; default ../shared/datasets)
#
# Writes tests/fixtures/classical/ets-theta-golden.json. For every case: the input series, m and h; R's automatic
# ets() choice (form, parameters, initial states, loglik, AICc, 80 % forecast); the AICc, parameters, initial states and
# 80 % forecast of every form ets() would consider, each fitted on its own; and thetaf()'s 80 % forecast.
# Debian packages: r-base-core r-cran-forecast (forecast 8.20 when these values were made).
suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
datasets <- if (length(args) >= 1) args[1] else "../shared/datasets"
out_path <- "tests/fixtures/classical/ets-theta-golden.json"

read_csv <- function(name) read.csv(file.path(datasets, name), stringsAsFactors = FALSE)

retail <- read_csv("us-retail-sales-monthly.csv")
walmart <- read_csv("walmart-store1-top10-depts-weekly.csv")
walmart <- walmart[order(walmart$dept, walmart$date), ]
items <- read_csv("store-item-demand-10-series.csv")
item1 <- items[items$series_id == "store1_item1", ]
item1 <- item1[order(item1$date), ]

cases <- list(
  list(name = "AirPassengers", y = AirPassengers, m = 12, h = 24, source = "R datasets::AirPassengers"),
  list(name = "USAccDeaths", y = USAccDeaths, m = 12, h = 24, source = "R datasets::USAccDeaths"),
  list(name = "wineind", y = wineind, m = 12, h = 24, source = "R forecast::wineind"),
  list(name = "ldeaths", y = ldeaths, m = 12, h = 24, source = "R datasets::ldeaths"),
  list(name = "ldeaths-diff", y = diff(ldeaths), m = 12, h = 12,
       source = "diff(datasets::ldeaths): negative values, additive forms only"),
  list(name = "USAccDeaths-first30", y = window(USAccDeaths, end = c(1975, 6)), m = 12, h = 12,
       source = "first 30 months of USAccDeaths: fewer than three seasons"),
  list(name = "Nile", y = Nile, m = 1, h = 10, source = "R datasets::Nile"),
  list(name = "us-retail-monthly", y = ts(retail$y, frequency = 12), m = 12, h = 24,
       source = "shared/datasets/us-retail-sales-monthly.csv (y)"),
  list(name = "walmart-dept2-weekly", y = ts(walmart$sales[walmart$dept == 2], frequency = 52), m = 52, h = 26,
       source = "shared/datasets/walmart-store1-top10-depts-weekly.csv, dept 2 (ets ignores m > 24)"),
  list(name = "walmart-dept38-weekly", y = ts(walmart$sales[walmart$dept == 38], frequency = 52), m = 52, h = 26,
       source = "shared/datasets/walmart-store1-top10-depts-weekly.csv, dept 38"),
  list(name = "store1-item1-daily-730", y = ts(tail(item1$sales, 730), frequency = 7), m = 7, h = 28,
       source = "shared/datasets/store-item-demand-10-series.csv, store1_item1, last 730 days")
)

digits <- 12
num <- function(x) signif(as.numeric(x), digits)

describe_fit <- function(fit, y, h) {
  fc <- forecast(fit, h = h, level = 80)
  par <- fit$par
  get <- function(k) if (k %in% names(par)) num(par[[k]]) else NULL
  list(
    form = fit$method,
    alpha = get("alpha"), beta = get("beta"), gamma = get("gamma"), phi = get("phi"),
    initialState = I(num(fit$states[1, ])),
    loglik = num(fit$loglik), aicc = num(fit$aicc), sigma2 = num(fit$sigma2),
    mean = num(fc$mean), lower = num(fc$lower[, 1]), upper = num(fc$upper[, 1])
  )
}

forms <- list(
  c("ANN", FALSE), c("AAN", FALSE), c("AAN", TRUE), c("ANA", FALSE), c("AAA", FALSE), c("AAA", TRUE),
  c("MNN", FALSE), c("MAN", FALSE), c("MAN", TRUE), c("MNA", FALSE), c("MAA", FALSE), c("MAA", TRUE),
  c("MNM", FALSE), c("MAM", FALSE), c("MAM", TRUE)
)

result <- lapply(cases, function(case) {
  y <- case$y
  if (frequency(y) != case$m) y <- ts(as.numeric(y), frequency = case$m)
  auto <- ets(y)
  fixed <- list()
  for (f in forms) {
    model <- f[1]
    damped <- as.logical(f[2])
    if (case$m == 1 || case$m > 24) if (substr(model, 3, 3) != "N") next
    if (min(y) <= 0 && substr(model, 1, 1) == "M") next
    fit <- tryCatch(suppressWarnings(ets(y, model = model, damped = damped)), error = function(e) NULL)
    if (is.null(fit) || !inherits(fit, "ets") || is.null(fit$aicc) || !is.finite(fit$aicc)) next
    fixed[[length(fixed) + 1]] <- describe_fit(fit, y, min(case$h, 12))
  }
  th <- thetaf(y, h = case$h, level = 80)
  list(
    name = case$name, source = case$source, m = case$m, h = case$h,
    y = num(y),
    ets = describe_fit(auto, y, case$h),
    fixed = fixed,
    theta = list(alpha = num(th$model$alpha), drift = num(th$model$drift), sigma2 = num(th$model$sigma),
                 mean = num(th$mean), lower = num(th$lower[, 1]), upper = num(th$upper[, 1]))
  )
})

dir.create(dirname(out_path), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(list(
  generator = "tests/tools/classical-golden-ets-theta.R",
  forecastVersion = as.character(packageVersion("forecast")),
  rVersion = R.version.string,
  cases = result
), auto_unbox = TRUE, digits = NA, null = "null"), out_path)
cat("wrote", out_path, "\n")
