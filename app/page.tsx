import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Living spiking networks, in a notebook</h1>
      <p className="mt-4 text-lg text-muted">
        Write a network as YAML, run it on an emulated neuromorphic chip with on-line learning, watch the
        spikes and the accuracy as it learns, compare runs and share a read-only link.
      </p>
      <div className="mt-8 flex gap-3">
        <Link href="/notebooks" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink">
          Open notebooks
        </Link>
        <Link href="/templates" className="rounded-md border border-line px-4 py-2 font-medium">
          Start from a template
        </Link>
      </div>
    </div>
  );
}
