import { Loading } from './_components/ui/states';

export default function PageLoading() {
  return <Loading />;
}
