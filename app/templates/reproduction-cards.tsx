import { REPRODUCTIONS, type Reproduction } from '../_templates/reproductions';
import { ACHIEVED, type AchievedResult } from '../_templates/results';

export interface ReproductionCardsProps {
  /** Opens the gallery template of a card as a new notebook. */
  onOpen: (templateSlug: string) => void;
  openingSlug: string | null;
  /** True while the session loads; opening then would send a signed-in user to the sign-in page. */
  sessionPending: boolean;
}

function percent(value: number, approximate = false, decimals = 1): string {
  return approximate ? `about ${(100 * value).toFixed(0)}%` : `${(100 * value).toFixed(decimals)}%`;
}

/** Cards of the reproduced papers: the published figure beside what our run achieved. */
export function ReproductionCards({ onOpen, openingSlug, sessionPending }: ReproductionCardsProps) {
  return (
    <section className="mb-6">
      <h2 className="mb-2 text-sm font-medium">Reproductions</h2>
      <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="reproduction-list">
        {REPRODUCTIONS.map((reproduction) => (
          <ReproductionCard
            key={reproduction.id}
            reproduction={reproduction}
            achieved={ACHIEVED[reproduction.id]}
            onOpen={onOpen}
            opening={openingSlug !== null && openingSlug === reproduction.templateSlug}
            disabled={sessionPending}
          />
        ))}
      </ul>
    </section>
  );
}

function ReproductionCard(props: {
  reproduction: Reproduction;
  achieved: AchievedResult;
  onOpen: (templateSlug: string) => void;
  opening: boolean;
  disabled: boolean;
}) {
  const { reproduction, achieved } = props;
  const slug = reproduction.templateSlug;

  return (
    <li
      className="flex flex-col rounded-lg border border-line bg-panel p-4"
      data-testid={`reproduction-${reproduction.id}`}
    >
      <h3 className="font-semibold">{reproduction.title}</h3>
      <p className="mt-1 text-sm text-muted">{reproduction.summary}</p>

      <div className="mt-3 grid grid-cols-2 gap-3">
        <Figure
          label="Published"
          value={reproduction.published.accuracy}
          approximate={reproduction.published.approximate === true}
          emptyText="none"
          source={reproduction.published.source}
          testId="published-figure"
        />
        <Figure
          label="Our run"
          value={achieved.accuracy}
          // Two decimals show a count out of 2,000 test digits exactly (steps of 0.05 points).
          decimals={2}
          emptyText="not yet measured"
          source={
            achieved.testSamples === null
              ? achieved.source
              : `${achieved.testSamples} test digits after ${achieved.trainSamples ?? '?'} training digits, seed ${achieved.seed ?? '?'}, ${achieved.mode ?? '?'} mode · ${achieved.source}`
          }
          testId="achieved-figure"
        />
      </div>
      <p className="mt-2 text-xs text-muted">
        goal {percent(reproduction.goal)} · <code className="text-ink">{reproduction.command}</code>
      </p>

      <div className="mt-3 flex-1" />
      {slug ? (
        <button
          type="button"
          className="self-start rounded-md border border-line px-3 py-1 text-sm hover:bg-panel-2 disabled:opacity-50"
          disabled={props.opening || props.disabled}
          onClick={() => props.onOpen(slug)}
        >
          {props.opening ? 'Opening…' : 'Open as notebook'}
        </button>
      ) : (
        <p className="text-xs text-muted">No notebook: {reproduction.noTemplateReason}</p>
      )}
    </li>
  );
}

function Figure(props: {
  label: string;
  value: number | null;
  approximate?: boolean;
  decimals?: number;
  emptyText: string;
  source: string;
  testId: string;
}) {
  return (
    <div className="rounded-md bg-panel-2/60 p-2" data-testid={props.testId}>
      <div className="text-xs text-muted">{props.label}</div>
      <div className="text-lg font-semibold tabular-nums" data-value={props.value ?? ''}>
        {props.value === null ? (
          <span className="text-sm font-normal text-muted">{props.emptyText}</span>
        ) : (
          percent(props.value, props.approximate, props.decimals)
        )}
      </div>
      <div className="text-xs text-muted">{props.source}</div>
    </div>
  );
}
