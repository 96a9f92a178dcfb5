import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">
        The address is wrong, or the notebook or run was deleted.{' '}
        <Link href="/notebooks" className="text-accent underline">
          Back to your notebooks
        </Link>
      </p>
    </div>
  );
}
